export { cellText } from './cell-text.js';
export { loadMappingFile, type MappingFile, parseMapping } from './mapping.js';
export {
  DEFAULT_CHUNK_SIZE,
  type EnrolmentFormat,
  type EnrolmentSource,
  type OpenEnrolmentOptions,
  openEnrolment,
} from './open-enrolment.js';
export { type DetectedEncoding, detectEncoding, type EncodingOption } from './text-decoding.js';
