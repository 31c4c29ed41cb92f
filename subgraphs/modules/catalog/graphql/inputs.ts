import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import type { Level } from '../../../kernel/levels';
import type { ShareScope } from '../../../kernel/policy';
import { ItemDraft, ResourceDraft } from '../drafts';
import { BasicDatabase, DataForm, ItemDataType, NotOpenGrounds, OpenType, ShareMode, ShareType, UpdateFrequency } from '../enums';

@InputType({ description: 'A data item (信息项) and its share attributes; 004 art. 21 is checked on every write' })
export class DataItemInput implements ItemDraft {
  @Field() @Matches(/^[a-z][a-z0-9_]{1,63}$/, { message: 'item codes are lower_snake_case, 2-64 characters' })
  code: string;

  @Field() @Length(1, 64)
  name: string;

  @Field(() => ItemDataType)
  dataType: ItemDataType;

  @Field({ defaultValue: '' }) @Length(0, 512)
  description: string;

  @Field(() => ShareType)
  shareType: ShareType;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 2000)
  shareConditions?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 2000)
  shareReason?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 2000)
  legalBasis?: string | null;

  @Field(() => ShareMode, { defaultValue: ShareMode.INTERFACE })
  shareMode: ShareMode;

  @Field(() => OpenType)
  openType: OpenType;

  @Field(() => NotOpenGrounds, { nullable: true, description: 'NOT_OPEN: why (004 art. 27 (1))' }) @IsOptional()
  openGrounds?: NotOpenGrounds | null;

  @Field(() => String, { nullable: true, description: 'NOT_OPEN: the law, regulation or right the grounds rest on' }) @IsOptional() @Length(1, 2000)
  openLegalBasis?: string | null;

  @Field(() => String, { nullable: true, description: 'CONDITIONAL_OPEN: objects, uses and scope of use (004 art. 27 (2))' }) @IsOptional() @Length(1, 2000)
  openConditions?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional()
  maskRule?: string | null;

  @Field({ defaultValue: false })
  maskedDeliveryOnly: boolean;
}

@InputType({ description: '共享范围 (004 art. 10 ¶4): the agencies a resource is shared with; every condition given applies, and one left out does not restrict' })
export class ShareScopeInput implements ShareScope {
  @Field(() => [PlatformLevel], { nullable: true, description: 'Agencies of these levels only' }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(3)
  levels: Level[] | null;

  @Field(() => ID, { nullable: true, description: 'Agencies in this division or below it only' }) @IsOptional()
  jurisdictionCode: string | null;

  @Field(() => [ID], { nullable: true, description: 'These agencies (USCC) only' }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(200)
  agencies: string[] | null;
}

@InputType({ description: 'A catalog resource (数据资源) as its providing agency describes it (004 art. 10)' })
export class CatalogResourceInput implements ResourceDraft {
  @Field({ nullable: true }) @IsOptional() @Matches(/^[0-9A-Z][0-9A-Z-]{3,39}$/, { message: 'codes are 4-40 characters of digits, capitals and -' })
  code?: string;

  @Field() @Length(2, 128)
  name: string;

  @Field() @Length(2, 4000)
  summary: string;

  @Field(() => DataForm)
  dataForm: DataForm;

  @Field() @Length(1, 32)
  format: string;

  @Field(() => UpdateFrequency)
  updateFrequency: UpdateFrequency;

  @Field(() => BasicDatabase, { nullable: true }) @IsOptional()
  basicDatabase?: BasicDatabase | null;

  @Field(() => ID, { nullable: true, description: '数源部门; defaults to the providing agency' }) @IsOptional()
  sourceDepartmentUscc?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional()
  collectingDepartmentUscc?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional()
  approvingDepartmentUscc?: string | null;

  @Field(() => ShareScopeInput, { nullable: true, description: '共享范围 (004 art. 10 ¶4); leave it out to share with every agency' }) @IsOptional() @ValidateNested()
  shareScope?: ShareScopeInput | null;

  @Field(() => [DataItemInput])
  @ArrayMinSize(1, { message: 'a catalog resource lists at least one data item (004 art. 10)' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  items: DataItemInput[];
}
