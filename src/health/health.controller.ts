import { Controller, Get, HttpCode } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/auth.decorators';
import { OUTAGE_RETRY_AFTER_SECONDS } from '../common/database/outage';
import { commonProblem, ProblemCode } from '../common/problem/problem';

/**
 * Liveness (the process answers; never looks at the database, so an orchestrator does not restart the simulator during a
 * database outage) and readiness (the database answers: 503 with Retry-After while it does not).
 */
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
      throw commonProblem(ProblemCode.databaseUnavailable, 'The database does not answer.', { checks: { database: { status: 'DOWN' } } }, {
        'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS),
      });
    }
    return { status: 'UP', checks: { database: { status: 'UP', latencyMs: Date.now() - t0 } } };
  }
}
