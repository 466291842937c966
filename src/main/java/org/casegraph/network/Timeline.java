package org.casegraph.network;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.JsonValues;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.neo4j.ReadOnlyCypher.ExecutedQuery;
import org.casegraph.neo4j.ReadOnlyCypher.Statements;
import org.casegraph.query.BadRequestException;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;

import org.springframework.stereotype.Component;

/**
 * An officer's, a unit's or a chat group's history in time order: dated events, and per
 * period the messages sent (for a group, posted in it) and the messages that reached them
 * (for a unit or a group, its members while members).
 */
@Component
class Timeline {

	/**
	 * Longest span a timeline covers, so that a mistyped year cannot ask for millions of
	 * periods.
	 */
	private static final int MAX_YEARS = 100;

	private final String events = CypherScript.load("cypher/network/timeline-events.cypher").single();

	private final String sent = CypherScript.load("cypher/network/timeline-sent.cypher").single();

	private final ReadOnlyCypher cypher;

	private final Scopes scopes;

	private final ContactNetwork contacts;

	Timeline(ReadOnlyCypher cypher, Scopes scopes, ContactNetwork contacts) {
		this.cypher = cypher;
		this.scopes = scopes;
		this.contacts = contacts;
	}

	Result of(String id, LocalDate from, LocalDate to, Bucket bucket, boolean explain) {
		return cypher.read(statements -> {
			Node subject = subject(statements, id);
			Map<String, Object> dates = new HashMap<>();
			dates.put("id", id);
			dates.put("from", from);
			dates.put("to", to);
			List<Event> found = statements.run(events, dates).stream().map(Timeline::event).toList();
			ContactNetwork.Window window = new ContactNetwork.Window(startOf(from), endOf(to));
			Map<String, Object> instants = new HashMap<>();
			instants.put("id", id);
			instants.put("from", window.from());
			instants.put("to", window.to());
			Map<Integer, Long> sentByMonth = new TreeMap<>();
			statements.run(sent, instants)
				.forEach(record -> sentByMonth.put(record.get("month").asInt(), record.get("sent").asLong()));
			Map<Integer, Long> receivedByMonth = received(statements, subject, window);
			List<ExecutedQuery> executed = explain ? statements.executed() : null;
			return new Result(GraphBuilder.kind(subject), id, found,
					periods(bucket, from, to, sentByMonth, receivedByMonth), executed);
		});
	}

	private static Node subject(Statements statements, String id) {
		return NodesById.find(statements, List.of(id))
			.values()
			.stream()
			.filter(node -> node.hasLabel("Person") || node.hasLabel("Unit") || node.hasLabel("ChatGroup"))
			.findFirst()
			.orElseThrow(
					() -> new BadRequestException("Argument 'id': no person, unit or chat group has id '" + id + "'"));
	}

	/**
	 * Messages that reached the person, or the unit's or the group's members while
	 * members.
	 */
	private Map<Integer, Long> received(Statements statements, Node subject, ContactNetwork.Window window) {
		String id = subject.get("id").asString();
		ScopeInput input = subject.hasLabel("Unit") ? ScopeInput.unit(id)
				: subject.hasLabel("ChatGroup") ? ScopeInput.chatGroup(id) : ScopeInput.person(id);
		Scopes.Scope scope = scopes.resolve(statements, "id", input);
		Map<Integer, Long> byMonth = new TreeMap<>();
		for (ContactNetwork.PairCount pair : contacts.contacts(statements, scope, window, true, true).pairs()) {
			if (scope.contains(pair.recipient())) {
				pair.byMonth().forEach((month, count) -> byMonth.merge(month, count, Long::sum));
			}
		}
		return byMonth;
	}

	private static List<Period> periods(Bucket bucket, LocalDate from, LocalDate to, Map<Integer, Long> sent,
			Map<Integer, Long> received) {
		TreeMap<LocalDate, long[]> byStart = new TreeMap<>();
		sent.forEach((month, count) -> byStart.computeIfAbsent(bucket.start(day(month)), d -> new long[2])[0] += count);
		received
			.forEach((month, count) -> byStart.computeIfAbsent(bucket.start(day(month)), d -> new long[2])[1] += count);
		if (byStart.isEmpty() && (from == null || to == null)) {
			return List.of();
		}
		LocalDate first = from != null ? bucket.start(from) : byStart.firstKey();
		LocalDate last = to != null ? bucket.start(to) : byStart.lastKey();
		if (first.plusYears(MAX_YEARS).isBefore(last)) {
			throw new BadRequestException(
					"Arguments 'from' and 'to': a timeline covers at most " + MAX_YEARS + " years");
		}
		List<Period> periods = new ArrayList<>();
		for (LocalDate start = first; !start.isAfter(last); start = bucket.next(start)) {
			long[] counts = byStart.getOrDefault(start, new long[2]);
			periods.add(new Period(bucket.label(start), start, bucket.next(start).minusDays(1), counts[0], counts[1]));
		}
		return periods;
	}

	private static LocalDate day(int yyyymm) {
		return LocalDate.of(yyyymm / 100, yyyymm % 100, 1);
	}

	private static Event event(Record record) {
		Node related = record.get("related").asNode();
		return new Event(record.get("date").asLocalDate(), record.get("kind").asString(),
				record.get("detail").isNull() ? null : String.valueOf(JsonValues.of(record.get("detail"))),
				related.get("id").asString(), GraphBuilder.kind(related));
	}

	private static OffsetDateTime startOf(LocalDate day) {
		return day == null ? null : day.atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	private static OffsetDateTime endOf(LocalDate day) {
		return day == null ? null : day.atTime(LocalTime.MAX).atOffset(ZoneOffset.UTC);
	}

	/**
	 * One dated event.
	 *
	 * @param date when
	 * @param kind JOINED, LEFT, POSTED, POSTING_ENDED, RANK, STATUS, ALLEGATION, OUTCOME,
	 * MEMBER_JOINED or MEMBER_LEFT
	 * @param detail the rank, status, category, outcome or role
	 * @param relatedId the unit, station, member, allegation or outcome
	 * @param relatedKind what that is
	 */
	record Event(LocalDate date, String kind, String detail, String relatedId, String relatedKind) {
	}

	/**
	 * Messages in one period.
	 *
	 * @param bucket its name
	 * @param start its first day
	 * @param end its last day
	 * @param sent messages sent
	 * @param received messages that reached them (a message that reached three members
	 * counts three times)
	 */
	record Period(String bucket, LocalDate start, LocalDate end, long sent, long received) {
	}

	/**
	 * A timeline.
	 *
	 * @param kind Officer, Person or Unit
	 * @param id whose
	 * @param events dated events in time order
	 * @param periods messages per period, every period from the first to the last
	 * @param explain the Cypher that ran, when asked for
	 */
	record Result(String kind, String id, List<Event> events, List<Period> periods, List<ExecutedQuery> explain) {
	}

}
