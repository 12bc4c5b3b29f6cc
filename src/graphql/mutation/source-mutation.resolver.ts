import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Role } from '../../domain/change';
import type { SourceRecord } from '../../domain/records';
import { Source } from '../source/source.type';
import { afterWrite, editorFor } from './editor';
import { AddSourceInput } from './source.input';

@Resolver()
export class SourceMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Source, { description: 'Stores a source document, so evidence can quote it. EDITOR.' })
  async addSource(@Arg('input', () => AddSourceInput) input: AddSourceInput, @Ctx() ctx: RequestContext): Promise<SourceRecord> {
    return afterWrite(ctx, await editorFor(ctx).addSource({ ...input }));
  }
}
