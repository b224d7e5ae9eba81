/**
 * The shared vocabulary of every stage: column names ({@link org.mentormatch.Columns}), the run id
 * that every command checks the same way ({@link org.mentormatch.RunId}), the error a user can fix
 * ({@link org.mentormatch.UserError}), and how a stage keeps its output ({@link
 * org.mentormatch.Checkpoints}).
 *
 * <p>May use: no other package of this project.
 */
package org.mentormatch;
