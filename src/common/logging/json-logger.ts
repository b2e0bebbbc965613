import { LoggerService } from '@nestjs/common';

const LEVELS = { error: 0, warn: 1, info: 2, debug: 3, silent: -1 } as const;
type Level = keyof typeof LEVELS;

/**
 * A BSN or onderwijsnummer as such: nine digits standing on their own, as a token of the text. Not when they are part of
 * a longer token, so identifiers keep matching what clients got back: a UUID or other hex id (digits next to letters or
 * hyphens), an OIN or any longer number (digits next to digits), a fraction (after a decimal point).
 */
const PERSON_NUMBER = /(?<![\p{L}\p{N}_.-])\d{9}(?![\p{L}\p{N}_-]|\.\d)/gu;

/** Masks person numbers (see PERSON_NUMBER), so that none reaches a log line, whatever a message carries. */
export function redactPersonNumbers(text: string): string {
  return text.replace(PERSON_NUMBER, '*********');
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
