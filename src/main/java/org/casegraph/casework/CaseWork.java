package org.casegraph.casework;

import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.casegraph.casework.Payloads.Conflict;
import org.casegraph.casework.Payloads.Forbidden;
import org.casegraph.casework.Payloads.Invalid;
import org.casegraph.casework.Payloads.NotFound;
import org.casegraph.casework.Payloads.Tagged;
import org.casegraph.ingest.Exhibit;
import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.StoreVersion;
import org.casegraph.query.GraphReader;
import org.casegraph.security.Caller;
import org.casegraph.security.Disclosure;
import org.casegraph.security.Role;

import org.springframework.stereotype.Component;

/**
 * Notes and tags: written through the one write path, read through the one read path.
 * Every write checks the caller's role first (a viewer or an analyst gets
 * {@link Forbidden}, recorded as a denial) and records what it changed in the request's
 * {@link Disclosure}, which the audit trail writes.
 */
@Component
class CaseWork {

	static final int MAX_NOTE = 20_000;

	static final int MAX_TAG = 64;

	static final String DEFAULT_COLOUR = "#0072b2";

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private final String entitiesExist = script("cypher/casework/entities-exist.cypher");

	private final String addNote = script("cypher/casework/add-note.cypher");

	private final String lockNote = script("cypher/casework/lock-note.cypher");

	private final String changeNote = script("cypher/casework/change-note.cypher");

	private final String notesOf = script("cypher/casework/notes-of.cypher");

	private final String notesOn = script("cypher/casework/notes-on.cypher");

	private final String tag = script("cypher/casework/tag.cypher");

	private final String untag = script("cypher/casework/untag.cypher");

	private final String tagsOf = script("cypher/casework/tags-of.cypher");

	private final String allTags = script("cypher/casework/all-tags.cypher");

	private final String exhibitsOf = script("cypher/casework/exhibits-of.cypher");

	private final BulkCypher writes;

	private final GraphReader reads;

	private final StoreVersion storeVersion;

	CaseWork(BulkCypher writes, GraphReader reads, StoreVersion storeVersion) {
		this.writes = writes;
		this.reads = reads;
		this.storeVersion = storeVersion;
	}

	Object addNote(Caller caller, Disclosure disclosure, String entityId, String text, List<String> links) {
		Object refused = Payloads.refused(caller, disclosure, "addNote");
		if (refused != null) {
			return refused;
		}
		Invalid invalid = invalidText(text);
		if (invalid != null) {
			return invalid;
		}
		List<String> linked = (links == null) ? List.of() : List.copyOf(new LinkedHashSet<>(links));
		List<String> missing = missing(concat(List.of(entityId), linked));
		if (!missing.isEmpty()) {
			return new NotFound("No entity has the id " + String.join(", ", missing), missing);
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("id", "note:" + UUID.randomUUID());
		parameters.put("entityId", entityId);
		parameters.put("text", text);
		parameters.put("links", linked);
		parameters.put("author", caller.name());
		parameters.put("at", now());
		Note note = storeVersion.keptThrough(() -> writes.write(tx -> Note.from(note(tx.list(addNote, parameters)))));
		disclosure.changed(Map.of("mutation", "addNote", "note", note.id(), "entity", entityId, "version", 1));
		return note;
	}

	Object updateNote(Caller caller, Disclosure disclosure, String id, int version, String text) {
		Object refused = Payloads.refused(caller, disclosure, "updateNote");
		if (refused != null) {
			return refused;
		}
		Invalid invalid = invalidText(text);
		return (invalid != null) ? invalid : change(caller, disclosure, "updateNote", id, version, text);
	}

	Object deleteNote(Caller caller, Disclosure disclosure, String id) {
		Object refused = Payloads.refused(caller, disclosure, "deleteNote");
		return (refused != null) ? refused : change(caller, disclosure, "deleteNote", id, null, null);
	}

	/**
	 * Edits or deletes a note in one transaction that holds its lock while it compares
	 * versions, so that of two edits from the same version exactly one wins.
	 */
	private Object change(Caller caller, Disclosure disclosure, String mutation, String id, Integer version,
			String text) {
		Object result = storeVersion.keptThrough(() -> writes.write(tx -> {
			List<Map<String, Object>> found = tx.list(lockNote, Map.of("id", id));
			if (found.isEmpty()) {
				return new NotFound("No note has the id " + id, List.of(id));
			}
			Map<String, Object> stored = note(found);
			int current = ((Number) stored.get("version")).intValue();
			if (Boolean.TRUE.equals(stored.get("deleted"))) {
				return new Conflict("Note " + id + " was deleted", current);
			}
			if (version != null && version != current) {
				return new Conflict("Note " + id + " is at version " + current + ", not " + version
						+ ": someone changed it since; read it again", current);
			}
			Map<String, Object> parameters = new LinkedHashMap<>();
			parameters.put("id", id);
			parameters.put("previous", Note.revision(stored));
			parameters.put("text", text);
			parameters.put("delete", text == null);
			parameters.put("at", now());
			parameters.put("by", caller.name());
			return Note.from(note(tx.list(changeNote, parameters)));
		}));
		if (result instanceof Note note) {
			disclosure.changed(
					Map.of("mutation", mutation, "note", id, "entity", note.entityId(), "version", note.version()));
		}
		return result;
	}

	Object tag(Caller caller, Disclosure disclosure, List<String> entityIds, String name, String colour) {
		Object refused = Payloads.refused(caller, disclosure, "tag");
		if (refused != null) {
			return refused;
		}
		Invalid invalid = invalidTag(entityIds, name);
		if (invalid == null && colour != null && !COLOUR.matcher(colour).matches()) {
			invalid = new Invalid("Argument 'colour': '" + colour + "' is not a colour such as #d55e00", "colour");
		}
		if (invalid != null) {
			return invalid;
		}
		List<String> missing = missing(entityIds);
		if (!missing.isEmpty()) {
			return new NotFound("No entity has the id " + String.join(", ", missing), missing);
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("name", name.strip());
		parameters.put("colour", (colour == null) ? null : colour.toLowerCase(Locale.ROOT));
		parameters.put("defaultColour", DEFAULT_COLOUR);
		parameters.put("ids", List.copyOf(new LinkedHashSet<>(entityIds)));
		parameters.put("at", now());
		parameters.put("by", caller.name());
		Tag tagged = writes.write(tx -> Tag.from(single(tx.list(tag, parameters), "tag")));
		disclosure.changed(Map.of("mutation", "tag", "tag", tagged.name(), "entities", entityIds));
		return new Tagged(tagged, entityIds);
	}

	Object untag(Caller caller, Disclosure disclosure, List<String> entityIds, String name) {
		Object refused = Payloads.refused(caller, disclosure, "untag");
		if (refused != null) {
			return refused;
		}
		Invalid invalid = invalidTag(entityIds, name);
		if (invalid != null) {
			return invalid;
		}
		List<String> missing = missing(entityIds);
		if (!missing.isEmpty()) {
			return new NotFound("No entity has the id " + String.join(", ", missing), missing);
		}
		Map<String, Object> parameters = Map.of("name", name.strip(), "ids",
				List.copyOf(new LinkedHashSet<>(entityIds)));
		List<Map<String, Object>> rows = writes.write(tx -> tx.list(untag, parameters));
		if (rows.isEmpty()) {
			return new NotFound("No tag is named '" + name.strip() + "'", List.of(name.strip()));
		}
		disclosure.changed(Map.of("mutation", "untag", "tag", name.strip(), "entities", entityIds));
		return new Tagged(Tag.from(single(rows, "tag")), entityIds);
	}

	List<Tag> tags() {
		return reads.list(allTags, Map.of(), record -> Tag.from(record.get("tag").asMap()));
	}

	List<Note> notesOn(String entityId, boolean includeDeleted) {
		return reads.list(notesOn, Map.of("entityId", entityId, "includeDeleted", includeDeleted),
				record -> Note.from(record.get("note").asMap()));
	}

	/** The live notes of many entities in one query, by entity id. */
	Map<String, List<Note>> notesOf(Collection<String> entityIds) {
		return reads.grouped(notesOf, entityIds, record -> Note.from(record.get("note").asMap()));
	}

	/** The tags of many entities in one query, by entity id. */
	Map<String, List<Tag>> tagsOf(Collection<String> entityIds) {
		return reads.grouped(tagsOf, entityIds, record -> Tag.from(record.get("tag").asMap()));
	}

	/** The exhibits many entities were imported from, in one query, by entity id. */
	Map<String, Exhibit> exhibitsOf(Collection<String> entityIds) {
		return reads.single(exhibitsOf, entityIds, record -> Exhibit.from(record.get("exhibit").asMap()));
	}

	private static Invalid invalidText(String text) {
		if (text == null || text.isBlank()) {
			return new Invalid("Argument 'text': a note needs some text", "text");
		}
		if (text.length() > MAX_NOTE) {
			return new Invalid("Argument 'text': " + text.length() + " characters, more than " + MAX_NOTE, "text");
		}
		return null;
	}

	private static Invalid invalidTag(List<String> entityIds, String name) {
		if (entityIds.isEmpty()) {
			return new Invalid("Argument 'entityIds': name at least one entity", "entityIds");
		}
		if (name == null || name.isBlank() || name.strip().length() > MAX_TAG) {
			return new Invalid("Argument 'name': a tag's name has 1 to " + MAX_TAG + " characters", "name");
		}
		return null;
	}

	private List<String> missing(List<String> ids) {
		Set<String> found = new HashSet<>(
				reads.list(entitiesExist, Map.of("ids", ids), record -> record.get("id").asString()));
		return ids.stream().filter(id -> !found.contains(id)).distinct().toList();
	}

	private static Map<String, Object> note(List<Map<String, Object>> rows) {
		return single(rows, "note");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> single(List<Map<String, Object>> rows, String column) {
		return (Map<String, Object>) rows.getFirst().get(column);
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static ZonedDateTime now() {
		return ZonedDateTime.now(ZoneOffset.UTC);
	}

	private static String script(String path) {
		return CypherScript.load(path).single();
	}

}
