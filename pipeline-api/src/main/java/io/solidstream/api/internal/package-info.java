/**
 * Internal utilities shared by the Solidstream modules.
 *
 * <p><strong>This package is internal and is not part of the Solidstream API.</strong> Its classes
 * may change or disappear in any release without notice; do not use them from pipeline code.
 */
package io.solidstream.api.internal;
