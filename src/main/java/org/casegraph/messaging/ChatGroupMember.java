package org.casegraph.messaging;

import java.time.LocalDate;

import org.casegraph.organisation.Person;
import org.casegraph.query.Values;
import org.neo4j.driver.Record;

/**
 * A person's membership of a chat group, read from the {@code IN_GROUP} relationship.
 */
record ChatGroupMember(Person person, LocalDate from, LocalDate to) {

	/**
	 * Reads a row with {@code n} (the person) and {@code r} (the membership
	 * relationship).
	 */
	static ChatGroupMember from(Record record) {
		var membership = record.get("r").asRelationship();
		return new ChatGroupMember(Person.from(record.get("n").asNode()), Values.date(membership, "from"),
				Values.date(membership, "to"));
	}

}
