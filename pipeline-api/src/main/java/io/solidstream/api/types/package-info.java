/** Types of solid inputs and outputs: Java types checked at run time, with optional custom checks. */
package io.solidstream.api.types;
