export {
  escapeXml,
  FACE_FONT_FAMILY,
  FACE_LAYOUT,
  FACE_SIZE,
  type FaceText,
  faceSvg,
} from './face-template.js';
export { type FaceData, type FaceFormat, faceText, renderFace } from './render-face.js';
