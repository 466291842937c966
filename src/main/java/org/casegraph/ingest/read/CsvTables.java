package org.casegraph.ingest.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.casegraph.allegation.AllegationCategory;
import org.casegraph.allegation.AllegationStatus;
import org.casegraph.ingest.GraphBatch;
import org.casegraph.ingest.Vocabulary;
import org.casegraph.investigation.InvestigationMode;
import org.casegraph.investigation.OutcomeKind;
import org.casegraph.messaging.AccountKind;
import org.casegraph.messaging.MessageChannel;
import org.casegraph.organisation.OfficerStatus;

/**
 * The files of a CSV bundle: for each, its columns (name as in the header, type, whether
 * required, allowed values) and how a valid row becomes nodes and relationships. Files
 * are written in this order, so that what a row refers to is written before it.
 */
final class CsvTables {

	private CsvTables() {
	}

	/** Column types, and how an error describes what was expected. */
	enum Type {

		ID("an id"), REF("an id"), TEXT("text"), INT("a whole number"), DATE("a date (2016-02-01)"),
		DATETIME("a date and time with offset (2016-02-01T21:05:00Z)"), BOOLEAN("true or false");

		private final String expected;

		Type(String expected) {
			this.expected = expected;
		}

		String expected() {
			return expected;
		}

	}

	/**
	 * One column.
	 *
	 * @param name as in the header (and the graph property it fills)
	 * @param type its type
	 * @param required whether every row must fill it
	 * @param allowed the values it may take, or empty for any
	 */
	record Column(String name, Type type, boolean required, Set<String> allowed) {
	}

	/**
	 * One file.
	 *
	 * @param file its name in the folder
	 * @param columns its columns
	 * @param writer adds a valid row to a batch
	 */
	record Table(String file, List<Column> columns, BiConsumer<Map<String, Object>, GraphBatch> writer) {

		String columnNames() {
			return columns.stream().map(Column::name).collect(Collectors.joining(","));
		}

	}

	/**
	 * The column of messages.csv naming the message a message replies to: one on an
	 * earlier line, or one already in the store.
	 */
	static final String IN_REPLY_TO = "inReplyTo";

	static final Set<String> FLAGS = Set.of("discriminatory", "sexualised", "violent", "threatening");

	static final List<Table> ALL = List.of(
			table("stations.csv", (row, batch) -> node(batch, row, "Station", "name", "description"), id(),
					required("name", Type.TEXT), optional("description", Type.TEXT),
					optional("synthetic", Type.BOOLEAN)),
			table("units.csv", CsvTables::unit, id(), required("name", Type.TEXT), optional("station", Type.REF),
					optional("description", Type.TEXT), optional("synthetic", Type.BOOLEAN)),
			table("people.csv", CsvTables::person, id(), required("name", Type.TEXT), optional("officer", Type.BOOLEAN),
					optional("rank", Type.TEXT), optional("status", Type.TEXT, Vocabulary.names(OfficerStatus.class)),
					optional("collarNumber", Type.TEXT), optional("role", Type.TEXT), optional("subject", Type.BOOLEAN),
					optional("synthetic", Type.BOOLEAN)),
			table("memberships.csv", CsvTables::membership, required("person", Type.REF), required("unit", Type.REF),
					required("from", Type.DATE), optional("to", Type.DATE), optional("role", Type.TEXT),
					optional("synthetic", Type.BOOLEAN)),
			table("postings.csv", CsvTables::posting, required("person", Type.REF), required("station", Type.REF),
					required("from", Type.DATE), optional("to", Type.DATE), optional("synthetic", Type.BOOLEAN)),
			table("accounts.csv", CsvTables::account, id(), optional("person", Type.REF),
					required("kind", Type.TEXT, Vocabulary.names(AccountKind.class)), required("handle", Type.TEXT),
					optional("synthetic", Type.BOOLEAN)),
			table("chat_groups.csv", (row, batch) -> node(batch, row, "ChatGroup", "name", "platform"), id(),
					required("name", Type.TEXT), required("platform", Type.TEXT), optional("synthetic", Type.BOOLEAN)),
			table("group_members.csv", CsvTables::groupMember, required("group", Type.REF),
					required("person", Type.REF), optional("from", Type.DATE), optional("to", Type.DATE)),
			table("messages.csv", CsvTables::message, id(), required("sender", Type.REF),
					required("sentAt", Type.DATETIME),
					required("channel", Type.TEXT, Vocabulary.names(MessageChannel.class)), optional("group", Type.REF),
					optional("body", Type.TEXT), optional("discriminatory", Type.BOOLEAN),
					optional("sexualised", Type.BOOLEAN), optional("violent", Type.BOOLEAN),
					optional("threatening", Type.BOOLEAN), optional("deletedRecovered", Type.BOOLEAN),
					optional("synthetic", Type.BOOLEAN), optional(IN_REPLY_TO, Type.REF)),
			table("message_recipients.csv",
					(row, batch) -> batch.relationship((String) row.get("message"), "TO",
							(String) row.get("recipient")),
					required("message", Type.REF), required("recipient", Type.REF)),
			table("investigations.csv", CsvTables::investigation, id(), required("reference", Type.TEXT),
					required("title", Type.TEXT),
					required("mode", Type.TEXT, Vocabulary.names(InvestigationMode.class)),
					required("opened", Type.DATE), optional("closed", Type.DATE), optional("operation", Type.REF),
					optional("synthetic", Type.BOOLEAN)),
			table("investigation_links.csv", CsvTables::investigationLink, required("from", Type.REF),
					required("to", Type.REF), required("reason", Type.TEXT)),
			table("allegations.csv", CsvTables::allegation, id(), required("subject", Type.REF),
					required("category", Type.TEXT, Vocabulary.names(AllegationCategory.class)),
					optional("standard", Type.TEXT),
					required("status", Type.TEXT, Vocabulary.names(AllegationStatus.class)),
					required("reported", Type.DATE), optional("description", Type.TEXT),
					optional("investigation", Type.REF), optional("synthetic", Type.BOOLEAN)),
			table("outcomes.csv", CsvTables::outcome, id(), required("officer", Type.REF),
					optional("investigation", Type.REF),
					required("kind", Type.TEXT, Vocabulary.names(OutcomeKind.class)), optional("date", Type.DATE),
					optional("synthetic", Type.BOOLEAN)));

	static String fileNames() {
		return ALL.stream().map(Table::file).collect(Collectors.joining(", "));
	}

	private static Table table(String file, BiConsumer<Map<String, Object>, GraphBatch> writer, Column... columns) {
		return new Table(file, List.of(columns), writer);
	}

	private static Column id() {
		return new Column("id", Type.ID, true, Set.of());
	}

	private static Column required(String name, Type type) {
		return new Column(name, type, true, Set.of());
	}

	private static Column required(String name, Type type, Set<String> allowed) {
		return new Column(name, type, true, allowed);
	}

	private static Column optional(String name, Type type) {
		return new Column(name, type, false, Set.of());
	}

	private static Column optional(String name, Type type, Set<String> allowed) {
		return new Column(name, type, false, allowed);
	}

	private static void node(GraphBatch batch, Map<String, Object> row, String label, String... properties) {
		batch.node((String) row.get("id"), List.of(label), properties(row, properties));
	}

	private static Map<String, Object> properties(Map<String, Object> row, String... names) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String name : names) {
			properties.put(name, row.get(name));
		}
		properties.put("synthetic", Boolean.TRUE.equals(row.get("synthetic")));
		return properties;
	}

	private static void unit(Map<String, Object> row, GraphBatch batch) {
		node(batch, row, "Unit", "name", "description");
		if (row.get("station") != null) {
			batch.relationship((String) row.get("id"), "BASED_AT", (String) row.get("station"));
		}
	}

	private static void person(Map<String, Object> row, GraphBatch batch) {
		boolean officer = Boolean.TRUE.equals(row.get("officer"));
		Map<String, Object> properties = properties(row, "name", "role");
		if (officer) {
			properties.putAll(properties(row, "rank", "status", "collarNumber", "subject"));
			properties.put("subject", Boolean.TRUE.equals(row.get("subject")));
		}
		batch.node((String) row.get("id"), officer ? List.of("Person", "Officer") : List.of("Person"), properties);
	}

	private static void membership(Map<String, Object> row, GraphBatch batch) {
		String id = "membership:" + row.get("person") + ":" + row.get("unit") + ":" + row.get("from");
		batch.node(id, List.of("Membership"), properties(row, "from", "to", "role"));
		batch.relationship((String) row.get("person"), "HAS_MEMBERSHIP", id);
		batch.relationship(id, "IN_UNIT", (String) row.get("unit"));
	}

	private static void posting(Map<String, Object> row, GraphBatch batch) {
		String id = "posting:" + row.get("person") + ":" + row.get("station") + ":" + row.get("from");
		batch.node(id, List.of("Posting"), properties(row, "from", "to"));
		batch.relationship((String) row.get("person"), "HAS_POSTING", id);
		batch.relationship(id, "AT_STATION", (String) row.get("station"));
	}

	private static void account(Map<String, Object> row, GraphBatch batch) {
		Map<String, Object> properties = properties(row, "kind", "handle");
		properties.put("resolved", row.get("person") != null);
		batch.node((String) row.get("id"), List.of("Account"), properties);
		if (row.get("person") != null) {
			batch.relationship((String) row.get("person"), "USES", (String) row.get("id"));
		}
	}

	private static void groupMember(Map<String, Object> row, GraphBatch batch) {
		Map<String, Object> dates = new LinkedHashMap<>();
		dates.put("from", row.get("from"));
		dates.put("to", row.get("to"));
		batch.relationship((String) row.get("person"), "IN_GROUP", (String) row.get("group"), dates);
	}

	private static void message(Map<String, Object> row, GraphBatch batch) {
		Map<String, Object> properties = properties(row, "sentAt", "channel", "body", "discriminatory", "sexualised",
				"violent", "threatening", "deletedRecovered");
		properties.put("flagged", FLAGS.stream().anyMatch(flag -> Boolean.TRUE.equals(row.get(flag))));
		batch.message((String) row.get("id"), (String) row.get("sender"), (String) row.get("group"), properties);
		if (row.get(IN_REPLY_TO) != null) {
			batch.relationship((String) row.get("id"), "IN_REPLY_TO", (String) row.get(IN_REPLY_TO));
		}
	}

	private static void investigation(Map<String, Object> row, GraphBatch batch) {
		node(batch, row, "Investigation", "reference", "title", "mode", "opened", "closed");
		if (row.get("operation") != null) {
			batch.relationship((String) row.get("id"), "PART_OF", (String) row.get("operation"));
		}
	}

	private static void investigationLink(Map<String, Object> row, GraphBatch batch) {
		batch.relationship((String) row.get("from"), "LINKED_TO", (String) row.get("to"),
				Map.of("reason", row.get("reason")));
	}

	private static void allegation(Map<String, Object> row, GraphBatch batch) {
		node(batch, row, "Allegation", "category", "standard", "status", "reported", "description");
		batch.relationship((String) row.get("id"), "AGAINST", (String) row.get("subject"));
		if (row.get("investigation") != null) {
			batch.relationship((String) row.get("investigation"), "EXAMINES", (String) row.get("id"));
		}
	}

	private static void outcome(Map<String, Object> row, GraphBatch batch) {
		node(batch, row, "Outcome", "kind", "date");
		batch.relationship((String) row.get("id"), "FOR", (String) row.get("officer"));
		if (row.get("investigation") != null) {
			batch.relationship((String) row.get("investigation"), "RESULTED_IN", (String) row.get("id"));
		}
	}

}
