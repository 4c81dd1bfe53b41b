// The message of the FnInputError a custom function's core throws (Excel shows it in the cell).
import { FnInputError } from '../../../addin/functions/values';

export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FnInputError);
    return (e as Error).message;
  }
  throw new Error('expected an FnInputError');
}
