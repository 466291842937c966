package org.casegraph.casework;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.casegraph.security.Caller;
import org.casegraph.security.Callers;
import org.casegraph.security.Disclosure;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The case-work mutations and queries; the work and the role checks are in
 * {@link CaseWork}.
 */
@Controller
class CaseWorkController {

	private final CaseWork work;

	private final SavedSearches searches;

	CaseWorkController(CaseWork work, SavedSearches searches) {
		this.work = work;
		this.searches = searches;
	}

	@MutationMapping
	Object saveSearch(@Argument String name, @Argument String query, @Argument Map<String, Object> variables,
			@Argument boolean shared, GraphQLContext context) {
		return searches.save(caller(context), disclosure(context), name, query, variables, shared);
	}

	@QueryMapping
	List<SavedSearches.SavedSearch> savedSearches(GraphQLContext context) {
		return searches.visibleTo(caller(context));
	}

	@QueryMapping
	Object runSavedSearch(@Argument String id, GraphQLContext context) {
		return searches.run(caller(context), disclosure(context), id);
	}

	@QueryMapping
	List<SavedSearches.Alert> alerts(GraphQLContext context) {
		return searches.alerts(caller(context), disclosure(context));
	}

	@MutationMapping
	Object addNote(@Argument String entityId, @Argument String text, @Argument List<String> links,
			GraphQLContext context) {
		return work.addNote(caller(context), disclosure(context), entityId, text, links);
	}

	@MutationMapping
	Object updateNote(@Argument String id, @Argument int version, @Argument String text, GraphQLContext context) {
		return work.updateNote(caller(context), disclosure(context), id, version, text);
	}

	@MutationMapping
	Object deleteNote(@Argument String id, GraphQLContext context) {
		return work.deleteNote(caller(context), disclosure(context), id);
	}

	@MutationMapping
	Object tag(@Argument List<String> entityIds, @Argument String name, @Argument String colour,
			GraphQLContext context) {
		return work.tag(caller(context), disclosure(context), entityIds, name, colour);
	}

	@MutationMapping
	Object untag(@Argument List<String> entityIds, @Argument String name, GraphQLContext context) {
		return work.untag(caller(context), disclosure(context), entityIds, name);
	}

	@QueryMapping
	List<Tag> tags() {
		return work.tags();
	}

	@QueryMapping
	List<Note> notes(@Argument String entityId, @Argument boolean includeDeleted) {
		return work.notesOn(entityId, includeDeleted);
	}

	private static Caller caller(GraphQLContext context) {
		return Callers.caller(context::get);
	}

	private static Disclosure disclosure(GraphQLContext context) {
		return Callers.disclosure(context::get);
	}

}
