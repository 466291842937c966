package org.casegraph.casework;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A note an investigator keeps on an entity.
 *
 * @param id its id (note:...)
 * @param entityId the entity it is about
 * @param text its text now
 * @param author who wrote it first
 * @param createdAt when it was written
 * @param updatedAt when it was last changed
 * @param version 1 when written, one more at every change
 * @param links other entities it points to
 * @param deleted whether it was deleted
 * @param history every earlier text, oldest first
 */
public record Note(String id, String entityId, String text, String author, OffsetDateTime createdAt,
		OffsetDateTime updatedAt, int version, List<String> links, boolean deleted, List<NoteRevision> history) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public Note {
		links = List.copyOf(links);
		history = List.copyOf(history);
	}

	/** A note from its stored properties (earlier texts are kept as JSON). */
	@SuppressWarnings("unchecked")
	static Note from(Map<String, Object> stored) {
		List<NoteRevision> history = ((List<Object>) stored.getOrDefault("history", List.of())).stream()
			.map(json -> JSON.readValue(String.valueOf(json), NoteRevision.class))
			.toList();
		return new Note((String) stored.get("id"), (String) stored.get("entityId"), (String) stored.get("text"),
				(String) stored.get("author"), instant(stored.get("createdAt")), instant(stored.get("updatedAt")),
				((Number) stored.get("version")).intValue(), (List<String>) stored.getOrDefault("links", List.of()),
				Boolean.TRUE.equals(stored.get("deleted")), history);
	}

	/** This note's text now, as the history will keep it (who made it so is stored). */
	static String revision(Map<String, Object> stored) {
		return JSON.writeValueAsString(new NoteRevision(((Number) stored.get("version")).intValue(),
				(String) stored.get("text"), instant(stored.get("updatedAt")), (String) stored.get("editedBy")));
	}

	private static OffsetDateTime instant(Object value) {
		return (value instanceof ZonedDateTime zoned) ? zoned.toOffsetDateTime() : (OffsetDateTime) value;
	}

	/**
	 * A note's text as it was.
	 *
	 * @param version the version it had
	 * @param text the text
	 * @param at when it became this text
	 * @param by who made it this text
	 */
	public record NoteRevision(int version, String text, OffsetDateTime at, String by) {
	}

}
