import { LoggerService } from '@nestjs/common';

const LEVELS = { error: 0, warn: 1, info: 2, debug: 3, silent: -1 } as const;
type Level = keyof typeof LEVELS;

/**
 * Masks anything that looks like a BSN or onderwijsnummer (a run of exactly nine digits),
 * so that no person number reaches a log line, whatever a message carries.
 */
export function redactPersonNumbers(text: string): string {
  return text.replace(/(?<!\d)\d{9}(?!\d)/g, '*********');
}

/** Structured JSON lines on stdout, one object per event, person numbers masked. */
export class JsonLogger implements LoggerService {
  private readonly max: number;

  constructor(level: string = 'info', private readonly write: (line: string) => void = (l) => process.stdout.write(l + '\n')) {
    this.max = LEVELS[(level as Level) in LEVELS ? (level as Level) : 'info'];
  }

  event(level: Level, fields: Record<string, unknown>) {
    if (LEVELS[level] > this.max || this.max < 0) return;
    this.write(redactPersonNumbers(JSON.stringify({ time: new Date().toISOString(), level, ...fields })));
  }

  private emit(level: Level, message: unknown, params: unknown[]) {
    const context = params.length && typeof params[params.length - 1] === 'string' ? (params[params.length - 1] as string) : undefined;
    const fields = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : { msg: String(message) };
    this.event(level, { ...(context ? { context } : {}), ...fields });
  }

  log(message: unknown, ...params: unknown[]) {
    this.emit('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    // Nest passes (message, stack, context); keep the stack as a field.
    const [stack, ...rest] = params;
    const fields = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : { msg: String(message) };
    this.emit('error', typeof stack === 'string' && rest.length ? { ...fields, stack } : fields, rest.length ? rest : params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.emit('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.emit('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.emit('debug', message, params);
  }
}
