package org.casegraph.query;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphQL over HTTP as Spring Boot serves it, with the answer written by the
 * application's JSON mapper (as the message converter Boot would use writes it): the JSON
 * of an answer {@link KeptResponses} keeps is handed to it, and an answer it kept is
 * written as it was.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class GraphQlResponses {

	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler, JsonMapper json) {
		return new GraphQlHttpHandler(webGraphQlHandler) {
			@Override
			protected ServerResponse.HeadersBuilder.WriteFunction getWriteFunction(Map<String, Object> resultMap,
					MediaType contentType) {
				return (request, response) -> {
					if (resultMap instanceof KeptResponses.Json answer) {
						response.getOutputStream().write(answer.write());
					}
					else {
						// Left open, as Spring's converters leave it, for the response to
						// finish.
						json.writeValue(StreamUtils.nonClosing(response.getOutputStream()), resultMap);
					}
					return null;
				};
			}
		};
	}

}
