/**
 * The JSON form of run events ({@link io.solidstream.instance.json.EventJson}): how instances
 * store events, and what tools reading an instance's event log parse.
 */
package io.solidstream.instance.json;
