package io.solidstream.api.stream;

import java.io.Serializable;

/**
 * Counters of one operator.
 *
 * @param operator the operator's name
 * @param recordsIn records received
 * @param recordsOut records emitted on the main output
 * @param lateRecordsDropped records dropped because they were too late for their window
 */
public record OperatorMetrics(String operator, long recordsIn, long recordsOut, long lateRecordsDropped)
    implements Serializable {}
