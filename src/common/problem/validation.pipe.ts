import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { definitelyValid } from '../validation/fast-validation';
import { cacheValidationMetadata } from '../validation/metadata-cache';
import { isDocumentedDto, jsonShapeProblems } from './json-shape';
import { ProblemDetailItem, ProblemException, Problems } from './problem';

const CONSTRAINT_CODES: Record<string, string> = {
  whitelistValidation: 'unknown_field',
  isDefined: 'required',
  isNotEmpty: 'required',
};

function flatten(errors: ValidationError[], path: string[], out: { path: string[]; code: string; detail: string }[]) {
  for (const e of errors) {
    const here = [...path, e.property];
    for (const [name, message] of Object.entries(e.constraints ?? {})) {
      out.push({ path: here, code: CONSTRAINT_CODES[name] ?? name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase(), detail: message });
    }
    if (e.children?.length) flatten(e.children, here, out);
  }
  return out;
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Turns class-validator errors into one 400 problem listing every invalid value, with where it is. */
export function validationProblem(errors: ValidationError[], location: ArgumentMetadata['type']): ProblemException {
  const items: ProblemDetailItem[] = flatten(errors, [], []).map(({ path, code, detail }) => {
    if (location === 'body') return { pointer: '/' + path.map(escapePointer).join('/'), code, detail };
    return { parameter: path.join('.'), code, detail };
  });
  return Problems.invalidInput(items);
}

class RawValidationErrors extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('validation failed');
  }
}

/**
 * The global validation pipe: strips nothing silently (unknown fields are errors),
 * converts query strings to their declared types, and reports all problems at once.
 */
@Injectable()
export class ProblemValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      stopAtFirstError: false,
      exceptionFactory: (errors: ValidationError[]) => new RawValidationErrors(errors),
    });
    cacheValidationMetadata();
  }

  override async transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type === 'body' && (value === undefined || value === null || typeof value !== 'object') && metadata.metatype && !isPlainType(metadata.metatype)) {
      throw Problems.invalidInput([{ pointer: '', code: 'body_required', detail: 'A JSON object body is required.' }]);
    }
    // A body's JSON shape (required, null, JSON types) is checked before anything converts it.
    const shape = metadata.type === 'body' && isDocumentedDto(metadata.metatype) ? jsonShapeProblems(value, metadata.metatype) : [];
    if (shape.some((p) => p.pointer === '')) throw Problems.invalidInput(shape);
    let rules: ProblemDetailItem[] = [];
    try {
      const result = await super.transform(value, metadata);
      if (shape.length === 0) return result;
    } catch (e) {
      // A rule may trip over a value of the wrong JSON type (`soort.startsWith` on a number): the shape problems say it all.
      if (!(e instanceof RawValidationErrors)) {
        if (shape.length) throw Problems.invalidInput(shape);
        throw e;
      }
      rules = (validationProblem(e.errors, metadata.type).extras.errors ?? []) as ProblemDetailItem[];
    }
    // Both lists at once; a rule about a value already refused for its shape adds nothing.
    const refused = shape.map((p) => p.pointer ?? '');
    const within = (pointer = '') => refused.some((r) => pointer === r || pointer.startsWith(r + '/'));
    throw Problems.invalidInput([...shape, ...rules.filter((p) => !within(p.pointer))]);
  }

  /**
   * A valid object (most requests) is recognised by the same rules without class-validator's machinery; anything else
   * goes through class-validator, which gives every error as before.
   */
  protected override validate(object: object, validatorOptions?: ValidatorOptions) {
    if (definitelyValid(object)) return [];
    return super.validate(object, validatorOptions);
  }

}

function isPlainType(metatype: unknown) {
  return [String, Boolean, Number, Array, Object].includes(metatype as never);
}
