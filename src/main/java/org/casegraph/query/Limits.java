package org.casegraph.query;

import java.time.Duration;

import org.casegraph.neo4j.LimitExceededException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Guard rails on every request, on by default. Exceeding one is refused with a
 * LIMIT_EXCEEDED error that names the setting.
 *
 * @param queryDepth deepest field nesting a GraphQL document may have
 * @param queryComplexity most fields a GraphQL document may select, lists counted once
 * @param graphNodes most nodes in any network result
 * @param timeout longest any read of the API may run: the timeout of its read-only
 * transaction, in whole seconds (reports have their own,
 * {@code casegraph.reports.timeout})
 * @param neighbourhoodDepth most hops a neighbourhood expands
 * @param pathLength longest path a path query searches for
 * @param queryCost most nodes the costly fields of one GraphQL document may return
 * together, each weighed by what bounds it (the {@code @cost} directive of the schema);
 * unset, four times {@code graphNodes}
 */
@ConfigurationProperties("casegraph.limits")
public record Limits(@DefaultValue("15") int queryDepth, @DefaultValue("1000") int queryComplexity,
		@DefaultValue("5000") int graphNodes, @DefaultValue("10s") Duration timeout,
		@DefaultValue("3") int neighbourhoodDepth, @DefaultValue("10") int pathLength, Integer queryCost) {

	/**
	 * Most paths one path query returns (ALL_SHORTEST at most, K_SHORTEST's largest k):
	 * fixed, and what the query cost counts a path query without k at.
	 */
	public static final int MOST_PATHS = 25;

	/** The query cost a document may reach: set, or four whole networks. */
	public int queryCostLimit() {
		return (queryCost != null) ? queryCost : 4 * graphNodes;
	}

	/** Refuses {@code value} above {@code limit}, naming the argument and the setting. */
	public static void check(String argument, long value, long limit, String setting) {
		if (value > limit) {
			throw new LimitExceededException(setting, limit,
					"Argument '%s': %d is above the limit of %d (%s)".formatted(argument, value, limit, setting));
		}
	}

}
