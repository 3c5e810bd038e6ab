/** The resident health card profile (V1.0 layout, spec §3–§4, §6.8) assembled from its tables. */
import type { CardProfile } from '../types.js';
import { HEALTH_CARD_CODE_TABLES } from './code-tables.js';
import { HEALTH_CARD_DFS, HEALTH_CARD_FILES, HEALTH_CARD_LAYOUTS } from './files.js';
import { HEALTH_CARD_ITEMS } from './items.js';
import { HEALTH_CARD_KEYS } from './keys.js';

export const HEALTH_CARD_PROFILE: CardProfile = {
  id: 'health-card/v1',
  name: '居民健康卡 (2012 V1.0 file layout)',
  dedicatedFiles: HEALTH_CARD_DFS,
  files: HEALTH_CARD_FILES,
  items: HEALTH_CARD_ITEMS,
  keys: HEALTH_CARD_KEYS,
  codeTables: HEALTH_CARD_CODE_TABLES,
  layouts: HEALTH_CARD_LAYOUTS,
};

export { DEFAULT_HEALTH_CARD_SETTINGS, type HealthCardSettings } from './settings.js';
