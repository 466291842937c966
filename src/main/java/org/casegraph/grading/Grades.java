package org.casegraph.grading;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.casegraph.casework.Payloads;
import org.casegraph.casework.Payloads.Invalid;
import org.casegraph.casework.Payloads.NotFound;
import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.query.Grade;
import org.casegraph.query.GraphReader;
import org.casegraph.security.Caller;
import org.casegraph.security.Disclosure;

import org.springframework.stereotype.Component;

/**
 * Grades in the 3x5x2 scheme on sources, claims and exhibits: set by investigators (a
 * value outside the scheme is {@link Invalid}), read in batches.
 */
@Component
class Grades {

	private final String setGrade = script("cypher/grading/set-grade.cypher");

	private final String kindOf = script("cypher/grading/kind-of.cypher");

	private final String gradesOf = script("cypher/grading/grades-of.cypher");

	private final BulkCypher writes;

	private final GraphReader reads;

	Grades(BulkCypher writes, GraphReader reads) {
		this.writes = writes;
		this.reads = reads;
	}

	/**
	 * A grade set.
	 *
	 * @param entityId what was graded
	 * @param kind Source, Claim or Exhibit
	 * @param grade the grade it has now
	 */
	record Graded(String entityId, String kind, Grade grade) {
	}

	Object set(Caller caller, Disclosure disclosure, String entityId, int sourceEvaluation, String intelligence,
			String handling) {
		Object refused = Payloads.refused(caller, disclosure, "setGrade");
		if (refused != null) {
			return refused;
		}
		if (sourceEvaluation < 1 || sourceEvaluation > 3) {
			return new Invalid("Argument 'sourceEvaluation': " + sourceEvaluation
					+ " is not a source evaluation of the 3x5x2 scheme (1 reliable, 2 untested, 3 not reliable)",
					"sourceEvaluation");
		}
		String letter = intelligence.strip().toUpperCase(Locale.ROOT);
		if (!letter.matches("[A-E]")) {
			return new Invalid("Argument 'intelligence': '" + intelligence
					+ "' is not an intelligence assessment of the 3x5x2 scheme (A to E)", "intelligence");
		}
		String code = handling.strip().toUpperCase(Locale.ROOT);
		if (!code.matches("[PC]")) {
			return new Invalid("Argument 'handling': '" + handling
					+ "' is not a handling code of the 3x5x2 scheme (P: lawful sharing permitted; C: with conditions)",
					"handling");
		}
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		Grade grade = new Grade(sourceEvaluation, letter, code, caller.name(), now.toOffsetDateTime());
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("id", entityId);
		parameters.put("code", grade.code());
		parameters.put("sourceEvaluation", sourceEvaluation);
		parameters.put("intelligence", letter);
		parameters.put("handling", code);
		parameters.put("by", caller.name());
		parameters.put("at", now);
		List<Map<String, Object>> rows = writes.write(tx -> tx.list(setGrade, parameters));
		if (rows.isEmpty()) {
			return notGradable(entityId);
		}
		disclosure.changed(Map.of("mutation", "setGrade", "entity", entityId, "grade", grade.code()));
		return new Graded(entityId, (String) rows.getFirst().get("kind"), grade);
	}

	private Object notGradable(String entityId) {
		Object kind = reads.list(kindOf, Map.of("id", entityId), record -> record.get("kind").asObject()).getFirst();
		if (kind == null) {
			return new NotFound("No entity has the id " + entityId, List.of(entityId));
		}
		return new Invalid("Argument 'entityId': " + entityId + " is a " + kind
				+ "; only a source, a claim or an exhibit is graded", "entityId");
	}

	/** The grades of many sources, claims or exhibits in one read, by id. */
	Map<String, Grade> of(Collection<String> ids) {
		return reads.single(gradesOf, ids, record -> {
			var stored = record.get("grade");
			return new Grade(stored.get("gradeSource").asInt(), stored.get("gradeIntelligence").asString(),
					stored.get("gradeHandling").asString(), stored.get("gradedBy").asString(),
					stored.get("gradedAt").asOffsetDateTime());
		});
	}

	private static String script(String path) {
		return CypherScript.load(path).single();
	}

}
