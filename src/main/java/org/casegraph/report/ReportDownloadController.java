package org.casegraph.report;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.casegraph.neo4j.LimitExceededException;
import org.casegraph.security.Callers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A report as a CSV download: {@code GET /reports/{name}.csv?param=value}.
 */
@RestController
class ReportDownloadController {

	private final ReportRunner runner;

	private final ReportRedaction redaction;

	ReportDownloadController(ReportRunner runner, ReportRedaction redaction) {
		this.runner = runner;
		this.redaction = redaction;
	}

	@GetMapping("/reports/{name}.csv")
	ResponseEntity<?> csv(@PathVariable String name, @RequestParam Map<String, String> params,
			HttpServletRequest request) {
		try {
			ReportResult result = redaction.apply(runner.report(name),
					runner.runWithText(name, new LinkedHashMap<>(params)), Callers.caller(request::getAttribute),
					Callers.disclosure(request::getAttribute));
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
				.body(ReportFormat.CSV.write(result));
		}
		catch (ReportException | LimitExceededException ex) {
			return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage())).build();
		}
	}

}
