// The who-messaged-whom aggregate per unit: one node per unit and ordered pair of its members, found by its id when an
// import adds to it, by its unit when a unit's contact network is read, and by its sender when a sender is counted again.
CREATE CONSTRAINT unit_contacts_id_unique IF NOT EXISTS FOR (n:UnitContacts) REQUIRE n.id IS UNIQUE;
CREATE INDEX unit_contacts_unit IF NOT EXISTS FOR (n:UnitContacts) ON (n.unit);
CREATE INDEX unit_contacts_sender IF NOT EXISTS FOR (n:UnitContacts) ON (n.sender);
