/** The shape of data/store.json, validated once at load so nothing downstream re-checks it. */
import { z } from 'zod';

/** A text the buyer may read, in Chinese and English (traditional Chinese is converted from zh). */
export const Text = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof Text>;

const Range = z.tuple([z.number(), z.number()]);

const SizeRow = z.object({
  size: z.string().min(1),
  /** Height in cm, [from, to): the lower bound is inclusive, the upper bound exclusive. */
  height: Range.optional(),
  /** Weight in kg, [from, to). */
  weight: Range.optional(),
  /** Foot length in cm, [from, to), for shoes. */
  foot: Range.optional(),
  detail: Text.optional(),
});

const Colour = z.object({
  id: z.string().min(1),
  name: Text,
  /** Canonical colour ids (as the language layer extracts them) and words that mean this colour. */
  aliases: z.array(z.string()),
  /** Pieces in stock per size. */
  stock: z.record(z.string(), z.number().int().min(0)),
  note: Text.optional(),
});

const Product = z.object({
  id: z.string().min(1),
  name: Text,
  category: Text,
  kind: z.enum(['clothing', 'shoes']),
  aliases: z.array(z.string()),
  price: z.number().positive(),
  /** +1 runs small (take one size up), -1 runs big, 0 true to size. */
  fit: z.number().int().min(-1).max(1),
  fitNote: Text,
  colors: z.array(Colour).min(1),
  sizeChart: z.array(SizeRow).min(1),
  colorNote: Text,
  flattering: Text.optional(),
  info: z.record(z.string(), Text),
  restock: Text.optional(),
  presaleDays: z.number().int().positive().optional(),
  pairWith: z.array(z.string()).default([]),
});

const Region = z.object({
  id: z.string().min(1),
  name: Text,
  days: z.string().min(1),
  places: z.array(Text),
  extraFee: z.number().min(0).default(0),
  freeShipping: z.boolean().default(true),
  /** Courier ids that serve this region; empty means all. */
  couriers: z.array(z.string()).default([]),
});

const Courier = z.object({
  id: z.string().min(1),
  name: Text,
  aliases: z.array(z.string()),
  extraFee: z.number().min(0),
  available: z.boolean().default(true),
  isDefault: z.boolean().default(false),
});

const HandoffRule = z.object({
  note: Text,
  /** A money amount (CNY) in the message at or above this sends the chat to a person (data/handoff-rules.json). */
  minAmount: z.number().positive().optional(),
  memberLevels: z.array(z.string()).default([]),
  intents: z.array(z.string()).default([]),
  keywords: z.array(z.string()).default([]),
});

/** Everything the bot knows about one store. Every answer is filled from here. */
export const ShopSchema = z.object({
  store: z.object({
    name: Text,
    persona: Text,
    personaTitle: Text,
    timezone: z.string().min(1),
    serviceHours: Text,
  }),
  quickReplies: z.object({
    top: z.array(Text).min(1),
    next: z.record(z.string(), z.array(Text)),
  }),
  shipping: z.object({
    shipFrom: Text,
    cutoff: z.string().regex(/^\d{1,2}:\d{2}$/),
    freeShippingThreshold: z.number().min(0),
    baseFee: z.number().min(0),
    couriers: z.array(Courier).min(1),
    regions: z.array(Region).min(1),
    overseas: Text,
  }),
  invoice: z.object({
    electronic: z.boolean(),
    paper: z.boolean(),
    vatSpecial: z.boolean(),
    issueWithin: Text,
    where: Text,
    needs: Text,
    vatNeeds: Text,
    vatDelivery: Text,
    reissueDays: z.number().int().min(0),
  }),
  returns: z.object({
    noReasonDays: z.number().int().min(0),
    freightInsurance: z.boolean(),
    insuranceNote: Text,
    conditions: Text,
    excluded: Text,
    exchangeNote: Text,
    whoPays: Text,
    /** Postage when the store is at fault (defect, wrong item, damage). */
    ourFaultShipping: Text,
    address: Text,
    refundDays: Text,
    refundRoute: Text,
  }),
  promotions: z.array(z.object({ name: Text, detail: Text })),
  coupons: z.array(z.object({ name: Text, how: Text })),
  priceProtectDays: z.number().int().min(0),
  membership: z.object({
    levels: z.array(z.object({ id: z.string().min(1), name: Text, how: Text, perks: Text })).min(1),
    points: Text,
    memberDay: Text,
  }),
  payment: z.object({ methods: Text, installments: Text, cod: z.boolean(), deposit: Text, failed: Text }),
  warranty: z.object({ clothingDays: z.number().int().min(0), shoesDays: z.number().int().min(0), note: Text }),
  handoff: z.object({ rules: z.array(HandoffRule) }),
  recommendation: z.object({ bestsellers: z.array(z.string()).min(1), gifts: z.array(z.string()).min(1) }),
  featured: z.string().min(1),
  catalog: z.array(Product).min(1),
}).superRefine(function productIdsExist(shop, ctx) {
  const ids = new Set(shop.catalog.map((p) => p.id));
  const refs = [shop.featured, ...shop.recommendation.bestsellers, ...shop.recommendation.gifts,
    ...shop.catalog.flatMap((p) => p.pairWith)];
  for (const id of refs) if (!ids.has(id)) ctx.addIssue({ code: 'custom', message: `unknown product id ${id}` });
});

export type ShopData = z.infer<typeof ShopSchema>;
export type Product = ShopData['catalog'][number];
export type ProductColour = Product['colors'][number];
export type SizeChartRow = Product['sizeChart'][number];
export type CourierData = ShopData['shipping']['couriers'][number];
export type RegionData = ShopData['shipping']['regions'][number];
