import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BeheerModule } from './beheer';
import { BekostigingModule } from './bekostiging';
import { BerichtenModule } from './berichten';
import { BronModule } from './bron';
import { CommonModule } from './common/common.module';
import { ConformanceModule } from './conformance';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source.options';
import { HealthModule } from './health';
import { KlokModule } from './klok';
import { OauthModule } from './oauth';
import { RioModule } from './rio';
import { RodModule } from './rod';

@Module({})
export class AppModule {
  /** `config.DATABASE_URL` must be set (main.ts starts the embedded database first when needed). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL ?? 'postgres://invalid/none', config.DB_POOL_SIZE)),
        CommonModule,
        HealthModule,
        OauthModule,
        BeheerModule,
        RodModule,
        RioModule,
        KlokModule,
        BerichtenModule,
        BekostigingModule,
        BronModule,
        ConformanceModule,
      ],
    };
  }
}
