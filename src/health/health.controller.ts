import { Controller, Get, HttpCode } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/auth.decorators';
import { ProblemException } from '../common/problem/problem';

/** Liveness (the process answers) and readiness (the database answers). */
@Controller('health')
@Public()
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'UP' };
  }

  @Get('ready')
  async ready() {
    const t0 = Date.now();
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new ProblemException(503, 'database_unavailable', 'The database does not answer.');
    }
    return { status: 'UP', checks: { database: { status: 'UP', latencyMs: Date.now() - t0 } } };
  }
}
