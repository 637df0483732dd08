// Event types and their colours, read from data/event-types.json (knowledge lives in data files).

const FALLBACK_COLOUR = "#737373";

export class EventTypes {
  constructor(data) {
    this.list = data.types;
    this.colours = new Map(data.types.map((t) => [t.type, t.colour]));
    this.hostileQuads = new Set(data.hostile_quad_classes);
  }

  static async load() {
    const response = await fetch("data/event-types.json");
    if (!response.ok) throw new Error(`data/event-types.json: ${response.status}`);
    return new EventTypes(await response.json());
  }

  /** The colour of ``type`` (grey for a type the file does not know). */
  colour(type) {
    return this.colours.get(type) || FALLBACK_COLOUR;
  }

  /** Whether a record (event or incident) is hostile: verbal or material conflict. */
  hostile(record) {
    return this.hostileQuads.has(Number(record.quad_class));
  }
}
