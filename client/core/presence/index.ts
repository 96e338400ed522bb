/** Who someone is to the others in a document: the caret's name and colour, role and typing. */
export { caretColorIndex, colorOf, createIdentity, type Identity, identityOf, MAX_NAME_LENGTH } from './identity';
export {
  type KnownPerson,
  knownPeopleOf,
  type PresenceUser,
  presenceUserOf,
  readPresenceUser,
  shownPresence,
  TYPING_HOLD_MS,
} from './presenceUser';
