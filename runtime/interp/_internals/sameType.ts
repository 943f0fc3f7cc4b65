// The interpreter's name for structural function-type equality (call_indirect checks).

export { sameFuncType as sameType } from '../../types.js';
