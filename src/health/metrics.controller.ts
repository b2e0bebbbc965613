import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../common/auth/auth.decorators';
import { metricsRegistry } from '../common/metrics/metrics';

/**
 * Prometheus metrics for whoever runs the simulator: requests by route and status with latency, the outbox and webhook
 * backlog, bekostiging recompute durations, and the process. No sandbox, client or person in any label.
 */
@Controller('metrics')
@Public()
export class MetricsController {
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  @Header('Cache-Control', 'no-store')
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
