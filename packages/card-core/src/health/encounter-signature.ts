/**
 * Digital authentication of encounter records (spec §6.7). The terminal's SAM signs the data
 * part of an EE/ED record (offsets 0..1638 / 0..3012) with SM2; the signature (64 bytes) and the
 * SAM's certificate (190 bytes) follow the data. A reader checks the certificate against the
 * issuer's key (from the card's issuer certificate, itself checked against a trusted root) and
 * then the signature. The signed bytes are our choice where the spec is silent: the whole data
 * part, with the default SM2 user ID.
 */
import { concatBytes } from '../bytes.js';
import {
  type CompactCertificate,
  decodeCertificate,
  SAM_CERTIFICATE_FIELD_SIZE,
  type VerifyCertificateOptions,
  verifyCertificate,
} from '../crypto/certificate.js';
import { sm2Digest, sm2Verify } from '../crypto/sm2.js';
import { hcardError } from '../errors.js';
import type { CardProfile, LayoutId } from '../profiles/types.js';

/** The digest e a SAM signs for `data` (SM3(Z_A ‖ data) with the SAM's public key). */
export const encounterDigest = (samPublicKey: Uint8Array, data: Uint8Array): Uint8Array =>
  sm2Digest(samPublicKey, data);

/** data ‖ signature ‖ SAM certificate: the whole encounter file. */
export function assembleSignedEncounter(
  data: Uint8Array,
  signature: Uint8Array,
  samCertificate: Uint8Array,
): Uint8Array {
  const cert = new Uint8Array(SAM_CERTIFICATE_FIELD_SIZE);
  cert.set(samCertificate.subarray(0, SAM_CERTIFICATE_FIELD_SIZE));
  return concatBytes(data, signature, cert);
}

export interface EncounterTrust {
  /** The card issuer's SM2 public key (checked beforehand against the root). */
  readonly issuerPublicKey: Uint8Array;
  readonly at?: VerifyCertificateOptions['at'];
}

/**
 * Verifies a whole encounter file. Returns the signer's certificate; throws HCARD_E_CERT_* when
 * the SAM certificate does not chain to the issuer and HCARD_E_SIGNATURE_INVALID when the data
 * was changed after signing.
 */
export function verifyEncounterSignature(
  profile: CardProfile,
  kind: LayoutId,
  file: Uint8Array,
  trust: EncounterTrust,
): CompactCertificate {
  const { dataLength, size } = profile.layouts[kind];
  if (file.length !== size)
    throw hcardError('HCARD_E_ARG_INVALID', `${kind} file of ${file.length} bytes, expected ${size}`);
  const signature = file.subarray(dataLength, dataLength + 64);
  const certificate = decodeCertificate(file.subarray(dataLength + 64));
  verifyCertificate(certificate, trust.issuerPublicKey, {
    role: 'sam',
    ...(trust.at === undefined ? {} : { at: trust.at }),
  });
  if (!sm2Verify(certificate.publicKey, file.subarray(0, dataLength), signature)) {
    throw hcardError('HCARD_E_SIGNATURE_INVALID', `${kind} record data does not match its signature`);
  }
  return certificate;
}
