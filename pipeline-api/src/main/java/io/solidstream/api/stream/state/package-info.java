/** Keyed state of stream operators: value, list and map state, described by pure-data descriptors. */
package io.solidstream.api.stream.state;
