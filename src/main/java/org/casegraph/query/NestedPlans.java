package org.casegraph.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLOutputType;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * The nested reads of a field, worked out once per selection. Working them out collects
 * the field's whole selection (graphql-java's selection set, fragments and all), about a
 * twentieth of the CPU of a page of 50 officers with their memberships, units and
 * stations; a client repeating a query (a front end, a report in a loop) asks the same
 * selection each time.
 * <p>
 * A selection is the field's own nodes in the parsed document, which
 * {@link DocumentCache} keeps for each query text, and the field's type. Variables change
 * it only through {@code @skip} and {@code @include}, so they are part of the key only in
 * a document with either.
 */
final class NestedPlans {

	private static final int SELECTIONS = 1_000;

	private final Cache<Selection, NestedReads> plans = Caffeine.newBuilder().maximumSize(SELECTIONS).build();

	/** Whether each document has {@code @skip} or {@code @include}, by identity. */
	private final Cache<Document, Boolean> conditional = Caffeine.newBuilder()
		.weakKeys()
		.maximumSize(SELECTIONS)
		.build();

	/**
	 * The nested reads of the field {@code env} fetches, planned by {@code plan} unless
	 * the same selection was planned before.
	 */
	NestedReads get(String kind, DataFetchingEnvironment env, List<NestedField> known,
			BiFunction<DataFetchingEnvironment, List<NestedField>, NestedReads> plan) {
		Document document = (env == null) ? null : env.getDocument();
		if (document == null) {
			return plan.apply(env, known);
		}
		boolean conditional = this.conditional.get(document, NestedPlans::hasConditions);
		Selection selection = new Selection(kind, env.getMergedField().getFields(), env.getFieldType(),
				conditional ? new HashMap<>(env.getVariables()) : Map.of());
		return plans.get(selection, key -> plan.apply(env, known));
	}

	/** Forgets every plan: the nested fields they were made from have changed. */
	void clear() {
		plans.invalidateAll();
	}

	private static boolean hasConditions(Document document) {
		boolean[] found = { false };
		new NodeTraverser().depthFirst(new NodeVisitorStub() {
			@Override
			public TraversalControl visitDirective(Directive node, TraverserContext<graphql.language.Node> context) {
				if (node.getName().equals("skip") || node.getName().equals("include")) {
					found[0] = true;
					return TraversalControl.QUIT;
				}
				return TraversalControl.CONTINUE;
			}
		}, document);
		return found[0];
	}

	/**
	 * One selection of a field.
	 *
	 * @param kind the page's or the entity's reads
	 * @param fields the field's nodes in the document, equal only to themselves
	 * @param type the field's type
	 * @param variables the request's variables where they can change the selection;
	 * otherwise none
	 */
	private record Selection(String kind, List<Field> fields, GraphQLOutputType type, Map<String, Object> variables) {
	}

}
