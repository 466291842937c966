package org.casegraph.report;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.casegraph.neo4j.LimitExceededException;
import org.casegraph.security.Caller;
import org.casegraph.security.Disclosure;

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
			Caller caller = (request.getAttribute(Caller.KEY) instanceof Caller known) ? known : Caller.NOBODY;
			Disclosure disclosure = (request.getAttribute(Disclosure.KEY) instanceof Disclosure known) ? known
					: new Disclosure();
			ReportResult result = redaction.apply(runner.report(name),
					runner.runWithText(name, new LinkedHashMap<>(params)), caller, disclosure);
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
