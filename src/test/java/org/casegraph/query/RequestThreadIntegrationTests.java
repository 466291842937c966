package org.casegraph.query;

import java.net.http.HttpResponse;

import jakarta.servlet.DispatcherType;
import org.casegraph.Dispatches;
import org.casegraph.EmbeddedGraphTests;
import org.casegraph.Http;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GraphQL request is answered on the thread that took it: the controllers' fetchers run
 * there, so the answer is written in the same pass through the filters, without a second,
 * asynchronous dispatch through security and the audit.
 */
class RequestThreadIntegrationTests extends EmbeddedGraphTests {

	@LocalServerPort
	int port;

	@Autowired
	Dispatches dispatches;

	@Test
	void aPageWithNestedFieldsAndANetworkPassTheFiltersOnceEach() {
		long requests = dispatches.count(DispatcherType.REQUEST);
		long async = dispatches.count(DispatcherType.ASYNC);
		HttpResponse<String> page = new Http(port)
			.graphQl("{ officers(first: 50) { nodes { id memberships { from unit { id station { id } } } } } }");
		HttpResponse<String> network = new Http(port)
			.graphQl("{ contactNetwork(scope: { unitIds: [\"unit:impact\"] }) { nodes { id } edges { weight } } }");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(Http.JSON.readTree(page.body()).at("/data/officers/nodes")).hasSizeGreaterThan(10);
		assertThat(network.statusCode()).isEqualTo(200);
		assertThat(Http.JSON.readTree(network.body()).at("/data/contactNetwork/edges")).isNotEmpty();
		assertThat(dispatches.count(DispatcherType.REQUEST) - requests).isEqualTo(2);
		assertThat(dispatches.count(DispatcherType.ASYNC) - async).isZero();
	}

}
