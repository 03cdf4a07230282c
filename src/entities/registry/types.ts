/**
 * Types of the built-in entity registry (see README.md in this folder for the
 * data format and the meaning of every flag).
 */

/** The three entity types the registry knows. */
export type RegistryEntityType = 'person' | 'organization' | 'place'

/**
 * Finer kinds, per type. Places: country, city (also towns and refugee
 * camps), region, continent, water (seas, straits, rivers, canals), facility
 * (bases, airports, ports, crossings, buildings). Organisations: ministry,
 * government (offices of state, administrations), legislature, igo
 * (intergovernmental), ngo, military, agency (state agencies and news
 * agencies alike), outlet (newspapers, channels, sites), movement (armed or
 * political movements), party, company. Persons have no kind.
 */
export type RegistryKind =
  | 'country' | 'city' | 'region' | 'continent' | 'water' | 'facility'
  | 'ministry' | 'government' | 'legislature' | 'igo' | 'ngo' | 'military'
  | 'agency' | 'outlet' | 'movement' | 'party' | 'company'

/** A date as precise as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDate = string

/**
 * One surface form of an entity, with what it means to find it in a text.
 * All flags default to false.
 */
export interface AliasSpec {
  /** The form as written in news (any spelling; keys are computed from it). */
  text: string
  /** A nationality adjective or demonym (قطري، الأمريكية، الأتراك): a mention of the country, not its name. */
  adjective?: boolean
  /** A description by function (أمير قطر، العاصمة القطرية), valid in `from`–`to` when given. */
  role?: boolean
  /** A common word or very common name (العديد "many", الحية "the snake"): count it only with support from context. */
  requiresContext?: boolean
  /** Knowingly shared with another entity (عمان: Oman or Amman); the resolver must choose. */
  ambiguous?: boolean
}

/** An office held by a person, with the titles the news uses for it. */
export interface RoleSpan {
  /** Titles for the office, first one for display (وزير الخارجية الأمريكي، وزير الخارجية الأميركي). */
  titles: string[]
  /** First day in office (inclusive), when known. */
  from?: PartialDate
  /** Day the office ended (exclusive: the successor's first day), when it has ended and is known. */
  to?: PartialDate
}

/** One registry entry as the data files store it (after the loader filled in defaults). */
export interface RegistryEntry {
  /** Stable id: lowercase ASCII words joined by hyphens, unique across the registry, no type prefix. */
  id: string
  type: RegistryEntityType
  kind?: RegistryKind
  /** Arabic display name as commonly written in news. */
  name: string
  /** Latin-script name (the id is derived from it). */
  latin: string
  /** Further surface forms; strings are plain aliases. The display name is always an alias too. */
  aliases: AliasSpec[]
  /** Nationality adjectives in the masculine singular (قطري); the loader adds the inflected forms. */
  adjectives?: string[]
  /** Countries: ISO 3166-1 alpha-2 code. */
  iso?: string
  /** Countries: id of the capital city entry, when registered. */
  capital?: string
  /** Id of the country the entity belongs to (persons: the state they serve or are a national of). */
  country?: string
  /** Persons: offices with their titles and dates. */
  roles?: RoleSpan[]
  /** Persons: date of death, when dead. */
  died?: PartialDate
  /** Free-text remark for reviewers (why an alias is flagged, disputed status, ...). */
  note?: string
}
