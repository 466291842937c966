package org.casegraph.query;

import java.util.List;
import java.util.Map;

import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Property;
import org.neo4j.cypherdsl.core.SymbolicName;

/**
 * Compiles a typed {@code where} input ({@code { name: { startsWith: "A" }, OR: [...],
 * NOT: {...} }}) into a Cypher condition. Field names are the input type's fields,
 * already checked by GraphQL validation; Cypher-DSL quotes them, and every value becomes
 * a parameter, so no client text ever reaches the query text.
 */
final class NodeFilter {

	private NodeFilter() {
	}

	@SuppressWarnings("unchecked")
	static Condition compile(Node node, Map<String, Object> where) {
		Condition condition = Cypher.noCondition();
		for (Map.Entry<String, Object> entry : where.entrySet()) {
			Condition next = switch (entry.getKey()) {
				case "AND" -> all(node, (List<Map<String, Object>>) entry.getValue());
				case "OR" -> any(node, (List<Map<String, Object>>) entry.getValue());
				case "NOT" -> compile(node, (Map<String, Object>) entry.getValue()).not();
				case "tags" -> tags(node.property("tags"), (Map<String, Object>) entry.getValue());
				case "grade" -> atLeast(node, (Map<String, Object>) entry.getValue(), "where.grade.atLeast");
				case "exhibitGrade" -> exhibitAtLeast(node, (Map<String, Object>) entry.getValue());
				default -> field(node.property(entry.getKey()), (Map<String, Object>) entry.getValue());
			};
			condition = condition.and(next);
		}
		return condition;
	}

	private static Condition all(Node node, List<Map<String, Object>> filters) {
		Condition condition = Cypher.noCondition();
		for (Map<String, Object> filter : filters) {
			condition = condition.and(compile(node, filter));
		}
		return condition;
	}

	private static Condition any(Node node, List<Map<String, Object>> filters) {
		if (filters.isEmpty()) {
			return Cypher.noCondition();
		}
		Condition condition = compile(node, filters.getFirst());
		for (Map<String, Object> filter : filters.subList(1, filters.size())) {
			condition = condition.or(compile(node, filter));
		}
		return condition;
	}

	/** Tags are a list on the entity: {@code eq} one of them, {@code in} any of them. */
	private static Condition tags(Property tags, Map<String, Object> operators) {
		Condition condition = Cypher.noCondition();
		if (operators.get("eq") != null) {
			condition = condition
				.and(Cypher.anonParameter(operators.get("eq")).in(Cypher.coalesce(tags, Cypher.listOf())));
		}
		if (operators.get("in") != null) {
			SymbolicName tag = Cypher.name("tag");
			condition = condition.and(Cypher.any(tag)
				.in(Cypher.coalesce(tags, Cypher.listOf()))
				.where(tag.in(Cypher.anonParameter(operators.get("in")))));
		}
		return condition;
	}

	/**
	 * Graded at least as well as the minimum: a source evaluation no higher and an
	 * intelligence assessment no later; what is not graded never passes.
	 */
	private static Condition atLeast(Node node, Map<String, Object> operators, String argument) {
		Object text = operators.get("atLeast");
		if (text == null) {
			return Cypher.noCondition();
		}
		Grade minimum = Grade.minimum(text.toString(), argument);
		return node.property("gradeSource")
			.lte(Cypher.anonParameter(minimum.sourceEvaluation()))
			.and(node.property("gradeIntelligence").lte(Cypher.anonParameter(minimum.intelligence())));
	}

	/** Imported from an exhibit graded at least as well as the minimum. */
	private static Condition exhibitAtLeast(Node node, Map<String, Object> operators) {
		if (operators.get("atLeast") == null) {
			return Cypher.noCondition();
		}
		Node exhibit = Cypher.node("Exhibit").named("exhibit").withProperties("id", node.property("exhibit"));
		return Cypher.match(exhibit).where(atLeast(exhibit, operators, "where.exhibitGrade.atLeast")).asCondition();
	}

	private static Condition field(Property property, Map<String, Object> operators) {
		Condition condition = Cypher.noCondition();
		for (Map.Entry<String, Object> operator : operators.entrySet()) {
			condition = condition.and(operator(property, operator.getKey(), operator.getValue()));
		}
		return condition;
	}

	private static Condition operator(Property property, String operator, Object value) {
		if (value == null) {
			return "eq".equals(operator) ? property.isNull() : Cypher.noCondition();
		}
		Expression parameter = Cypher.anonParameter(value);
		return switch (operator) {
			case "eq" -> property.isEqualTo(parameter);
			case "in" -> property.in(parameter);
			case "contains" -> property.contains(parameter);
			case "startsWith" -> property.startsWith(parameter);
			case "endsWith" -> property.endsWith(parameter);
			case "lt" -> property.lt(parameter);
			case "lte" -> property.lte(parameter);
			case "gt" -> property.gt(parameter);
			case "gte" -> property.gte(parameter);
			default -> throw new BadRequestException("Unknown filter operator '" + operator + "'");
		};
	}

}
