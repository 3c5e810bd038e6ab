export { bundledRevisions, isKnownRegionCode } from './region-codes.js';
export {
  createValidator,
  isRejection,
  type ValidateOptions,
  type Validator,
  validatePerson,
} from './validate-person.js';
