package org.casegraph.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the who-messaged-whom aggregate is kept.
 *
 * @param messagesPerTransaction new messages counted per transaction: more means fewer
 * rewrites of busy pairs (the aggregate's main cost) and a larger transaction (heap)
 */
@ConfigurationProperties("casegraph.aggregate")
public record AggregateSettings(@DefaultValue("50000") int messagesPerTransaction) {
}
