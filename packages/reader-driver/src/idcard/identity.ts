/** Who an ID card names, for the identity check: the name and number a health card would carry. */
import type { IdCardEvidence } from '@hcard/card-core';
import type { IdCardText } from './text-layout.js';

export function idCardIdentity(text: IdCardText): IdCardEvidence {
  switch (text.type) {
    case 'resident':
    case 'hmt-residence-permit':
      return { name: text.name, idNumber: text.idNumber };
    case 'foreign-permanent-2023':
      return { name: text.chineseName || text.foreignName, idNumber: text.idNumber };
    case 'foreign-permanent-2017':
      return { name: text.chineseName || text.englishName, idNumber: text.permitNumber };
  }
}
