/** The fields every card answer carries to tie it to the card's insertion (one schema for all routes). */
import { Type } from 'typebox';

export const InsertionFields = {
  counter: Type.Integer({
    description: "the reader's event counter when this card went in: what an encounter write names",
  }),
  cached: Type.Boolean({
    description: 'true when answered from what was read of this card since it went in, without touching it',
  }),
};
