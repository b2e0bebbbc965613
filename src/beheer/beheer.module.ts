import { Module } from '@nestjs/common';
import { ClientsController } from './clients/clients.controller';
import { ClientsService } from './clients/clients.service';
import { DemoBootstrapService } from './demo-bootstrap.service';
import { SandboxesController } from './sandboxes/sandboxes.controller';
import { SandboxesService } from './sandboxes/sandboxes.service';

/** The administration API /beheer/v1: clients and sandboxes. */
@Module({
  controllers: [ClientsController, SandboxesController],
  providers: [ClientsService, SandboxesService, DemoBootstrapService],
  exports: [SandboxesService, ClientsService],
})
export class BeheerModule {}
