package org.casegraph.report;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import org.casegraph.neo4j.JsonValues;
import org.casegraph.query.BadRequestException;
import org.casegraph.security.Caller;
import org.casegraph.security.Disclosure;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Reports through GraphQL: the list with their parameters, and running one.
 */
@Controller
class ReportController {

	private final ReportCatalog catalog;

	private final ReportRunner runner;

	private final ReportRedaction redaction;

	ReportController(ReportCatalog catalog, ReportRunner runner, ReportRedaction redaction) {
		this.catalog = catalog;
		this.runner = runner;
		this.redaction = redaction;
	}

	@QueryMapping
	List<Report> reports() {
		return catalog.all();
	}

	@SchemaMapping(typeName = "ReportParameter")
	String type(ReportParameter parameter) {
		return parameter.type().label();
	}

	@SchemaMapping(typeName = "ReportParameter", field = "default")
	Object defaultValue(ReportParameter parameter) {
		return JsonValues.of(parameter.defaultValue());
	}

	@QueryMapping
	ReportResult runReport(@Argument String name, @Argument Object params, DataFetchingEnvironment env) {
		try {
			ReportResult result = runner.runWithJson(name, parameters(params));
			Caller caller = env.getGraphQlContext().getOrDefault(Caller.KEY, Caller.NOBODY);
			Disclosure disclosure = env.getGraphQlContext().getOrDefault(Disclosure.KEY, new Disclosure());
			return redaction.apply(runner.report(name), result, caller, disclosure);
		}
		catch (ReportException ex) {
			throw new BadRequestException(ex.getMessage());
		}
	}

	/**
	 * The JSON scalar takes any value; a report's parameters are an object of them by
	 * name.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> parameters(Object params) {
		if (params == null || params instanceof Map) {
			return (Map<String, Object>) params;
		}
		throw new BadRequestException(
				"Argument 'params': expected an object of parameters by name, such as {person: \"officer:a\"}");
	}

}
