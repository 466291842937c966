package org.casegraph.security;

import org.casegraph.neo4j.InvalidSettingException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest body a GraphQL request ({@code /graphql}, the {@code /graph/*} downloads)
 * may send. The body is read whole before it runs, so without a bound one request could
 * take the heap. The default holds the largest of the API's own inputs many times over: a
 * term list of 1,000 terms of 200 characters, a note of 20,000.
 *
 * @param requestBody {@code casegraph.limits.request-body}
 */
@ConfigurationProperties("casegraph.limits")
record RequestLimits(@DefaultValue("1MB") DataSize requestBody) {

	static final String SETTING = "casegraph.limits.request-body";

	RequestLimits {
		if (requestBody.toBytes() < 1 || requestBody.toBytes() >= Integer.MAX_VALUE) {
			throw new InvalidSettingException(SETTING, requestBody, "must be at least 1 byte and less than 2GB",
					"Set " + SETTING + " to a size such as 1MB.", null);
		}
	}

	int bytes() {
		return (int) requestBody.toBytes();
	}

}
