package org.casegraph.report;

import java.util.List;
import java.util.Map;

import org.casegraph.neo4j.JsonValues;
import org.casegraph.query.BadRequestException;

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

	ReportController(ReportCatalog catalog, ReportRunner runner) {
		this.catalog = catalog;
		this.runner = runner;
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
	ReportResult runReport(@Argument String name, @Argument Map<String, Object> params) {
		try {
			return runner.runWithJson(name, params);
		}
		catch (ReportException ex) {
			throw new BadRequestException(ex.getMessage());
		}
	}

}
