import { msg } from './messages.js';

/**
 * Typed errors. The library throws these; only the CLI prints them and chooses the exit code
 * (1 for invalid input, 2 for a model failure such as a recycle loop that does not converge).
 */

/** Where an input problem is: file, 1-based line and column when known, and the field path. */
export interface Place {
  file?: string;
  line?: number;
  column?: number;
  path?: string;
}

/** One problem found in an input, with its place and catalogue message. */
export interface InputIssue extends Place {
  code: string;
  message: string;
}

/** Render a place as `file:line:col › path` (the parts that are known). */
export function formatPlace(place: Place): string {
  let where = place.file ?? '';
  if (place.file && place.line !== undefined) {
    where += `:${place.line}`;
    if (place.column !== undefined) where += `:${place.column}`;
  }
  if (place.path) where += where ? ` › ${place.path}` : place.path;
  return where;
}

/** Render an issue in the catalogue form `<file>:<line> › <path>: <message>`. */
export function formatIssue(issue: InputIssue): string {
  const where = formatPlace(issue);
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** An error the engine raises on purpose; `exitCode` 1 = bad input, 2 = model failure. */
export class RegenflowError extends Error {
  readonly code: string;
  readonly exitCode: 1 | 2;
  readonly issues: InputIssue[];

  constructor(code: string, message: string, options: { exitCode?: 1 | 2; issues?: InputIssue[]; place?: Place } = {}) {
    const issues = options.issues ?? [{ code, message, ...(options.place ?? {}) }];
    super(issues.map(formatIssue).join('\n'));
    this.name = 'RegenflowError';
    this.code = code;
    this.exitCode = options.exitCode ?? 1;
    this.issues = issues;
  }
}

/**
 * Raise one error carrying several input issues (all problems of a file, not only the first). An
 * issue found twice (an inline section is checked by the scenario's schema and by its own) is
 * reported once.
 */
export function inputErrors(issues: InputIssue[]): RegenflowError {
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = `${formatIssue(i)}\u0000${i.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return new RegenflowError(unique[0]?.code ?? 'input', unique[0]?.message ?? 'invalid input', { issues: unique });
}

/** A model failure (exit 2): the inputs were valid but the model could not produce a result. */
export function modelFailure(code: string, message: string): RegenflowError {
  return new RegenflowError(code, message, { exitCode: 2 });
}

/**
 * The error to report for a failure while evaluating the scenario `file`: issues that name no file
 * get this one, and anything that is not a RegenflowError (a defect, or an input no check caught)
 * becomes a model failure (exit 2) that names its cause — never an anonymous internal error.
 */
export function evaluationError(e: unknown, file: string, place: (issue: InputIssue) => InputIssue = (i) => i): RegenflowError {
  if (e instanceof RegenflowError) {
    if (e.issues.every((i) => i.file)) return e;
    return new RegenflowError(e.code, e.message, { exitCode: e.exitCode, issues: e.issues.map((i) => (i.file ? i : { file, ...place(i) })) });
  }
  const cause = e instanceof Error ? e.message : String(e);
  return new RegenflowError('model-error', msg.modelError(cause), { exitCode: 2, place: { file } });
}
