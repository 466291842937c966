package org.casegraph.messaging;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.query.BadRequestException;
import org.casegraph.query.Connection;
import org.casegraph.query.Cursor;
import org.casegraph.query.GraphReader;
import org.casegraph.query.PageRequest;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Component;

/**
 * A conversation read in order: the messages between two people (direct either way, and
 * what either posted in a group both were in that day) or in one group, as a Relay
 * connection with keyset cursors (time, then id), or the context around one message.
 */
@Component
class Conversation {

	static final int MAX_CONTEXT = 100;

	private static final int COUNT_LIMIT = 10_000_000;

	private final String conversation = CypherScript.load("cypher/messaging/conversation.cypher").single();

	private final String parties = CypherScript.load("cypher/messaging/conversation-parties.cypher").single();

	private final GraphReader reader;

	Conversation(GraphReader reader) {
		this.reader = reader;
	}

	/**
	 * What to read.
	 *
	 * @param between two people or accounts, or null
	 * @param group a chat group, or null
	 * @param from the earliest time, or null
	 * @param to the latest time, or null
	 * @param around a message to read the context of, or null
	 * @param context how many messages before and after {@code around}
	 * @param first the page size
	 * @param after the cursor to read on from, or null
	 */
	record Request(List<String> between, String group, OffsetDateTime from, OffsetDateTime to, String around,
			int context, Integer first, String after) {
	}

	Connection<Message> read(Request request) {
		Map<String, Object> parameters = parties(request);
		parameters.put("from", request.from());
		parameters.put("to", request.to());
		if (request.around() != null) {
			return around(request, parameters);
		}
		int limit = PageRequest.of(request.first(), request.after(), null, null).first();
		Map<String, Object> page = new HashMap<>(parameters);
		Cursor after = (request.after() == null) ? null : Cursor.decode(request.after(), OffsetDateTime.class);
		page.put("afterAt", (after == null) ? null : after.sortValue());
		page.put("afterId", (after == null) ? null : after.id());
		page.put("limit", limit + 1);
		List<Message> rows = messages(page, false);
		boolean more = rows.size() > limit;
		return connection(more ? rows.subList(0, limit) : rows, more, after != null, parameters);
	}

	/** The message and {@code context} messages either side of it, in order. */
	private Connection<Message> around(Request request, Map<String, Object> parameters) {
		if (request.context() < 0 || request.context() > MAX_CONTEXT) {
			throw new BadRequestException("Argument 'context': " + request.context()
					+ " is not a number of messages from 0 to " + MAX_CONTEXT);
		}
		Message pivot = pivot(request, parameters);
		Map<String, Object> before = new HashMap<>(parameters);
		before.put("beforeAt", pivot.sentAt());
		before.put("beforeId", pivot.id());
		before.put("limit", request.context() + 1);
		List<Message> earlier = messages(before, true);
		Map<String, Object> after = new HashMap<>(parameters);
		after.put("afterAt", pivot.sentAt());
		after.put("afterId", pivot.id());
		after.put("limit", request.context() + 1);
		List<Message> later = messages(after, false);
		List<Message> rows = new ArrayList<>(
				earlier.subList(0, Math.min(earlier.size(), request.context())).reversed());
		rows.add(pivot);
		rows.addAll(later.subList(0, Math.min(later.size(), request.context())));
		return connection(rows, later.size() > request.context(), earlier.size() > request.context(), parameters);
	}

	/** The message to read around, if it is in the conversation (and the window). */
	private Message pivot(Request request, Map<String, Object> parameters) {
		Record found = reader.list(parties, Map.of("ids", List.of(request.around())), record -> record)
			.stream()
			.filter(record -> "Message".equals(record.get("kind").asString(null)))
			.findFirst()
			.orElseThrow(
					() -> new BadRequestException("Argument 'around': no message has id '" + request.around() + "'"));
		OffsetDateTime at = found.get("sentAt").isNull() ? null : found.get("sentAt").asOffsetDateTime();
		boolean inWindow = at != null && (request.from() == null || !at.isBefore(request.from()))
				&& (request.to() == null || !at.isAfter(request.to()));
		if (!inWindow) {
			throw new BadRequestException(
					"Argument 'around': message '" + request.around() + "' has no time or falls outside from..to");
		}
		Map<String, Object> exactly = new HashMap<>(parameters);
		exactly.put("from", at);
		exactly.put("to", at);
		exactly.put("limit", COUNT_LIMIT);
		return messages(exactly, false).stream()
			.filter(message -> message.id().equals(request.around()))
			.findFirst()
			.orElseThrow(() -> new BadRequestException(
					"Argument 'around': message '" + request.around() + "' is not in this conversation"));
	}

	private Map<String, Object> parties(Request request) {
		boolean between = request.between() != null;
		if (between == (request.group() != null)) {
			throw new BadRequestException("Give either 'between' (two people) or 'group', not both and not neither");
		}
		List<String> ids = between ? List.copyOf(new LinkedHashSet<>(request.between())) : List.of(request.group());
		if (between && ids.size() != 2) {
			throw new BadRequestException(
					"Argument 'between': name two different people or accounts, not " + request.between().size());
		}
		Map<String, String> kinds = new HashMap<>();
		reader.list(parties, Map.of("ids", ids),
				record -> kinds.put(record.get("id").asString(), record.get("kind").asString(null)));
		for (String id : ids) {
			String kind = kinds.get(id);
			boolean fits = between ? ("Person".equals(kind) || "Account".equals(kind)) : "ChatGroup".equals(kind);
			if (!fits) {
				throw new BadRequestException(between ? "Argument 'between': no person or account has id '" + id + "'"
						: "Argument 'group': no chat group has id '" + id + "'");
			}
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("a", between ? ids.get(0) : null);
		parameters.put("b", between ? ids.get(1) : null);
		parameters.put("group", between ? null : ids.getFirst());
		parameters.put("afterAt", null);
		parameters.put("afterId", null);
		parameters.put("beforeAt", null);
		parameters.put("beforeId", null);
		return parameters;
	}

	private List<Message> messages(Map<String, Object> parameters, boolean descending) {
		Map<String, Object> all = new HashMap<>(parameters);
		all.put("descending", descending);
		return reader.list(conversation, all, record -> Message.from(record.get("m").asNode()));
	}

	private Connection<Message> connection(List<Message> rows, boolean next, boolean previous,
			Map<String, Object> parameters) {
		List<Connection.Edge<Message>> edges = rows.stream()
			.map(message -> new Connection.Edge<>(new Cursor(message.sentAt(), message.id()).encode(), message))
			.toList();
		Connection.PageInfo info = new Connection.PageInfo(next, previous,
				edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
		return new Connection<>(edges, info, () -> {
			Map<String, Object> count = new HashMap<>(parameters);
			count.put("limit", COUNT_LIMIT);
			return messages(count, false).size();
		});
	}

}
