export { decodeToPixels, type RawPixels, resizeAndEncodeOnce } from './jpeg-codec.js';
export { encodeAt, type PreparedJpeg, prepareJpeg } from './jpeg-encoder.js';
export { loadPhotoFor } from './load-photo.js';
export { type NormalisedPhoto, type NormaliserStats, normalisePhoto, PhotoNormaliser } from './normaliser.js';
export { searchBestQuality } from './quality-search.js';
export * from './settings.js';
export { type EnrolmentPhotoOptions, generateEnrolmentPhoto } from './synthetic-photo.js';
