package org.casegraph.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * What may execute a GraphQL request ({@code /graphql} and the {@code /graph/*}
 * downloads): a POST whose body is a JSON object with a {@code query}, or a GraphQL
 * document sent as {@code application/graphql}. Everything else is refused before it
 * runs: GET (405), a form, multipart or text body (415: a cross-site form cannot send
 * JSON), a body that is {@code null}, a list or not JSON (400), a body larger than
 * {@code casegraph.limits.request-body} (413, read no further than the limit), each with
 * a problem detail that says what was wrong.
 */
class RequestShapeFilter extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final MediaType GRAPHQL = MediaType.parseMediaType("application/graphql");

	private final int mostBytes;

	RequestShapeFilter(int mostBytes) {
		this.mostBytes = mostBytes;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		return !(path.equals("/graphql") || path.startsWith("/graph/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST");
			refuse(response, HttpStatus.METHOD_NOT_ALLOWED,
					"Only POST runs a GraphQL request; send the query in a JSON body");
			return;
		}
		MediaType type = mediaType(request.getContentType());
		long declared = request.getContentLengthLong();
		byte[] body = (declared > mostBytes) ? null : request.getInputStream().readNBytes(mostBytes + 1);
		if (body == null || body.length > mostBytes) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge(declared));
			return;
		}
		if (type != null && GRAPHQL.isCompatibleWith(type) && !type.getSubtype().contains("json")) {
			byte[] json = JSON.writeValueAsBytes(Map.of("query", new String(body, StandardCharsets.UTF_8)));
			chain.doFilter(new CachedBody(request, json, MediaType.APPLICATION_JSON_VALUE), response);
			return;
		}
		if (type == null
				|| !(MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"))) {
			refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"A GraphQL request must be sent as application/json (or application/graphql), not "
							+ ((type == null) ? "without a Content-Type" : type.toString()));
			return;
		}
		String problem = problem(body);
		if (problem != null) {
			refuse(response, HttpStatus.BAD_REQUEST, problem);
			return;
		}
		chain.doFilter(new CachedBody(request, body, request.getContentType()), response);
	}

	private String tooLarge(long declared) {
		String size = (declared > mostBytes) ? declared + " bytes" : "more than " + mostBytes + " bytes";
		return "The body is " + size + "; a GraphQL request's body may be at most " + mostBytes + " bytes ("
				+ RequestLimits.SETTING + ")";
	}

	/** What is wrong with a JSON body, or null. */
	private static String problem(byte[] body) {
		JsonNode json;
		try {
			json = JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return "The body is not JSON";
		}
		if (json == null || !json.isObject()) {
			return "The body must be a JSON object with a 'query', not "
					+ ((json == null) ? "empty" : json.getNodeType().name().toLowerCase());
		}
		JsonNode query = json.get("query");
		if (query == null || !query.isString() || query.asString().isBlank()) {
			return "The body needs a GraphQL document in 'query'";
		}
		JsonNode variables = json.get("variables");
		if (variables != null && !variables.isNull() && !variables.isObject()) {
			return "'variables' must be a JSON object";
		}
		return null;
	}

	private static MediaType mediaType(String header) {
		try {
			return (header == null) ? null : MediaType.parseMediaType(header);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write(JSON.writeValueAsString(
					Map.of("title", status.getReasonPhrase(), "status", status.value(), "detail", detail)));
	}

	/** The request with its body read once and served again. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		private final String contentType;

		CachedBody(HttpServletRequest request, byte[] body, String contentType) {
			super(request);
			this.body = body;
			this.contentType = contentType;
		}

		@Override
		public String getContentType() {
			return contentType;
		}

		@Override
		public String getHeader(String name) {
			return "Content-Type".equalsIgnoreCase(name) ? contentType : super.getHeader(name);
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already read");
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
