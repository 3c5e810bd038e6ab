/** Indexed lookups into a profile, built once per profile object. */
import { hcardError } from '../errors.js';
import type { CardProfile, DataItem, ElementaryFileDef, KeyDef, KeyId, LayoutId } from './types.js';

interface ProfileIndex {
  readonly files: Map<string, ElementaryFileDef>;
  readonly itemsByKey: Map<string, DataItem>;
  readonly itemsByNo: Map<number, DataItem>;
  readonly itemsByFile: Map<string, DataItem[]>;
  readonly itemsByLayout: Map<LayoutId, DataItem[]>;
  readonly keys: Map<KeyId, KeyDef>;
}

const cache = new WeakMap<CardProfile, ProfileIndex>();

function index(profile: CardProfile): ProfileIndex {
  let ix = cache.get(profile);
  if (ix) return ix;
  const itemsByFile = new Map<string, DataItem[]>();
  const itemsByLayout = new Map<LayoutId, DataItem[]>();
  for (const item of profile.items) {
    const loc = item.location;
    if (loc.kind === 'binary' && loc.layout) {
      itemsByLayout.set(loc.layout, [...(itemsByLayout.get(loc.layout) ?? []), item]);
    } else if (loc.file) {
      itemsByFile.set(loc.file, [...(itemsByFile.get(loc.file) ?? []), item]);
    }
  }
  ix = {
    files: new Map(profile.files.map((f) => [f.path, f])),
    itemsByKey: new Map(profile.items.map((i) => [i.key, i])),
    itemsByNo: new Map(profile.items.map((i) => [i.no, i])),
    itemsByFile,
    itemsByLayout,
    keys: new Map(profile.keys.map((k) => [k.id, k])),
  };
  cache.set(profile, ix);
  return ix;
}

export function fileDef(profile: CardProfile, path: string): ElementaryFileDef {
  const f = index(profile).files.get(path);
  if (!f) throw hcardError('HCARD_E_PROFILE_FILE_UNKNOWN', path, { file: path });
  return f;
}

export function itemDef(profile: CardProfile, keyOrNo: string | number): DataItem {
  const ix = index(profile);
  const item = typeof keyOrNo === 'number' ? ix.itemsByNo.get(keyOrNo) : ix.itemsByKey.get(keyOrNo);
  if (!item) throw hcardError('HCARD_E_PROFILE_ITEM_UNKNOWN', String(keyOrNo), { item: keyOrNo });
  return item;
}

/** Items stored in one file (TLV and raw-record files, the photo), in item-number order. */
export const itemsOfFile = (profile: CardProfile, path: string): readonly DataItem[] =>
  index(profile).itemsByFile.get(path) ?? [];

/** Items of an encounter layout (EE or ED), in offset order. */
export const itemsOfLayout = (profile: CardProfile, layout: LayoutId): readonly DataItem[] =>
  index(profile).itemsByLayout.get(layout) ?? [];

export function keyDef(profile: CardProfile, id: KeyId): KeyDef {
  const k = index(profile).keys.get(id);
  if (!k) throw hcardError('HCARD_E_PROFILE_ITEM_UNKNOWN', `key ${id}`);
  return k;
}

/** The DF path of a file path: 'DDF1/DF01/EF05' → 'DDF1/DF01'. */
export const parentDf = (path: string): string => path.slice(0, path.lastIndexOf('/'));

/** The encounter files of a layout, in record order: EE01..EE03 or ED01..ED05. */
export const filesOfLayout = (profile: CardProfile, layout: LayoutId): readonly ElementaryFileDef[] =>
  profile.files.filter((f) => f.layout === layout);
