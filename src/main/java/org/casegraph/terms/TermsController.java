package org.casegraph.terms;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.casegraph.casework.Payloads;
import org.casegraph.network.ScopeInput;
import org.casegraph.security.Caller;
import org.casegraph.security.Callers;
import org.casegraph.security.Disclosure;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Term lists through the API: their versions, saving the next one, and their hits. */
@Controller
class TermsController {

	private final TermLists lists;

	private final TermHits hits;

	TermsController(TermLists lists, TermHits hits) {
		this.lists = lists;
		this.hits = hits;
	}

	@QueryMapping
	List<TermList> termLists(@Argument String name) {
		return lists.all(name);
	}

	@QueryMapping
	TermHits.Result termHits(@Argument String list, @Argument Integer version, @Argument ScopeInput scope,
			@Argument OffsetDateTime from, @Argument OffsetDateTime to, @Argument int first) {
		return hits.hits(list, version, scope, from, to, first);
	}

	@MutationMapping
	Object saveTermList(@Argument String name, @Argument List<TermList.Term> terms, @Argument String note,
			GraphQLContext context) {
		Caller caller = Callers.caller(context::get);
		Disclosure disclosure = Callers.disclosure(context::get);
		Object refused = Payloads.refused(caller, disclosure, "saveTermList");
		if (refused != null) {
			return refused;
		}
		String nameProblem = TermLists.nameProblem(name);
		if (nameProblem != null) {
			return new Payloads.Invalid("Argument 'name': " + nameProblem, "name");
		}
		String problem = TermLists.termsProblem(terms, "Argument 'terms'", i -> "Argument 'terms[" + i + "]'");
		if (problem != null) {
			return new Payloads.Invalid(problem, "terms");
		}
		TermList saved = lists.save(name, terms, note, caller.name());
		disclosure.changed(Map.of("mutation", "saveTermList", "list", saved.name(), "version", saved.version()));
		return new TermListSaved(saved);
	}

	/** A version saved. */
	record TermListSaved(TermList list) {
	}

}
