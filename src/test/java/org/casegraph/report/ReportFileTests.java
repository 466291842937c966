package org.casegraph.report;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Report files: the header read into a report, and a malformed one refused with its file
 * and line.
 */
class ReportFileTests {

	private static final String GOOD = """
			// name: busy-days
			// title: Busy days
			// description: Days with many messages,
			// description: busiest first.
			// param: since Date = 2016-01-01 From this day
			// param: unit String (required) The unit
			// param: limit Integer = 10 How many
			// column: day The day
			// column: messages How many
			MATCH (m:Message) RETURN date(m.sentAt) AS day, count(*) AS messages LIMIT $limit
			""";

	@Test
	void readsTheHeaderAndTheQuery() {
		Report report = ReportFile.parse("busy-days.cypher", GOOD);
		assertThat(report.name()).isEqualTo("busy-days");
		assertThat(report.description()).isEqualTo("Days with many messages, busiest first.");
		assertThat(report.parameters()).extracting(ReportParameter::name).containsExactly("since", "unit", "limit");
		assertThat(report.parameters().get(0).defaultValue()).isEqualTo(LocalDate.of(2016, 1, 1));
		assertThat(report.parameters().get(1).required()).isTrue();
		assertThat(report.parameters().get(2).defaultValue()).isEqualTo(10L);
		assertThat(report.columns()).extracting(Report.Column::name).containsExactly("day", "messages");
		assertThat(report.cypher()).startsWith("MATCH (m:Message)");
	}

	@Test
	void aMalformedHeaderIsRefusedWithItsFileAndLine() {
		assertThatThrownBy(() -> ReportFile.parse("x.cypher", GOOD.replace("Integer = 10", "Number = 10")))
			.hasMessage("x.cypher:7: parameter 'limit' has unknown type 'Number' "
					+ "(expected String, Integer, Float, Boolean, Date, DateTime, Grade or TimeZone)");
		assertThatThrownBy(() -> ReportFile.parse("x.cypher", GOOD.replace("Date = 2016-01-01", "Date = soon")))
			.hasMessage("x.cypher:5: default 'soon' of parameter 'since' is not a Date");
		assertThatThrownBy(() -> ReportFile.parse("x.cypher", GOOD.replace("// title", "// titel")))
			.hasMessageStartingWith("x.cypher:2: unknown header 'titel'");
		assertThatThrownBy(() -> ReportFile.parse("x.cypher", GOOD.replace("busy-days", "Busy Days")))
			.hasMessageStartingWith("x.cypher:1: 'Busy Days' is not a name");
		assertThatThrownBy(() -> ReportFile.parse("x.cypher", GOOD.replaceAll("// column: .*\\n", "")))
			.hasMessage("x.cypher:1: the header names no 'column'");
		assertThatThrownBy(() -> ReportFile.parse("x.cypher", GOOD.substring(0, GOOD.indexOf("MATCH"))))
			.hasMessageStartingWith("x.cypher:10: the report has no query");
	}

	@Test
	void aSensitiveColumnIsMarkedAndMustBeDeclared() {
		String marked = GOOD.replace("// column: messages How many",
				"// column: messages How many\n// sensitive: day Message.sentAt");
		assertThat(ReportFile.parse("x.cypher", marked).columns()).extracting(Report.Column::sensitive)
			.containsExactly("Message.sentAt", null);
		assertThatThrownBy(() -> ReportFile.parse("x.cypher", marked.replace("sensitive: day", "sensitive: night")))
			.hasMessage("x.cypher:10: sensitive column 'night' is not a declared column");
		assertThatThrownBy(() -> ReportFile.parse("x.cypher", marked.replace("Message.sentAt", "body")))
			.hasMessageStartingWith("x.cypher:10: a sensitive column reads 'COLUMN Type.field'");
	}

}
